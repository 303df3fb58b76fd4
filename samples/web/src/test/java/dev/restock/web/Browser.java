package dev.restock.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the distribution ({@code /usr/bin/chromium}, driven by
 * {@code /usr/bin/chromedriver}; {@code restock.test.chromium} and
 * {@code restock.test.chromedriver} override), for the console's browser tests. Without them the
 * tests are skipped, saying so, except in CI ({@code CI=true}), where they fail: {@code .ci/run}
 * installs both. Screenshots go to {@code target/screenshots/<name>.png}.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("restock.test.chromium",
      "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("restock.test.chromedriver",
      "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String base;
  private final Path profile;

  private Browser(WebDriver driver, String base, Path profile) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
  }

  /** A new headless browser on the server at {@code port}, with a desktop-sized window. */
  public static Browser open(int port) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
          + "); install the packages chromium and chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + "; in CI the browser tests must run");
      }
      Assumptions.abort(message + "; browser tests SKIPPED");
    }
    try {
      Path profile = Files.createTempDirectory("restock-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, "http://127.0.0.1:" + port, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The driver, for what this class does not wrap. */
  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code path} of the server. */
  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  /** Signs in through the login form. */
  public Browser signIn(String username, String password) {
    go("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("sign-in")).click();
    waitFor(By.cssSelector("nav.nav .who"));
    return this;
  }

  /** Waits up to 15 s for an element to be visible, and returns it. */
  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits up to 15 s for {@code text} to appear in the element {@code by}. */
  public void waitForText(By by, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Resizes the window, e.g. to a phone's 390 × 844. */
  public Browser size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  /** Keeps a screenshot of the current page as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      WebDatabases.delete(profile);
    }
  }
}
