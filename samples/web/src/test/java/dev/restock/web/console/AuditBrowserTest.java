package dev.restock.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.web.Browser;
import dev.restock.web.WebDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit status page: intact on the demo fleet, and after a product's price is changed in the
 * SQLite file behind the engine's back (plain JDBC), broken, with the drift of that field shown
 * (audited value, live value).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserTest {
  private static Path dir;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @Test
  void intactOnTheDemoFleetThenAnEditBehindTheEngineShowsAsDrift() throws SQLException {
    try (Browser browser = Browser.open(port)) {
      browser.signIn("admin", WebDatabases.ADMIN_PASSWORD);
      browser.go("/audit");
      WebElement verdict = browser.waitFor(By.id("verdict"));
      assertThat(verdict.getText()).startsWith("Intact");
      assertThat(Long.parseLong(browser.driver().findElement(By.id("checked")).getText()))
          .isPositive();
      assertThat(browser.driver().findElement(By.id("drift")).getText())
          .contains("No live row differs");
      assertThat(browser.driver().findElements(By.id("problems"))).isEmpty();
      browser.screenshot("audit-intact");

      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("web.db"));
          PreparedStatement update = c.prepareStatement(
              "update product set price = ? where sku = ?")) {
        update.setBigDecimal(1, new BigDecimal("9.99"));
        update.setString(2, "DEMO-CHIPS");
        assertThat(update.executeUpdate()).isEqualTo(1);
      }

      browser.go("/audit");
      verdict = browser.waitFor(By.id("verdict"));
      assertThat(verdict.getText()).startsWith("BROKEN");
      List<WebElement> drift = browser.driver().findElements(By.cssSelector("#drift tbody tr"));
      assertThat(drift).hasSize(1);
      List<WebElement> cells = drift.get(0).findElements(By.tagName("td"));
      assertThat(cells.get(0).getText()).isEqualTo("product");
      assertThat(cells.get(2).getText()).isEqualTo("price");
      // the engine renders the audited amount of a drift without trailing zeros ("1.2")
      assertThat(new BigDecimal(cells.get(3).getText())).isEqualByComparingTo("1.20");
      assertThat(cells.get(4).getText()).isEqualTo("9.99");
      browser.screenshot("audit-drift");
    }
  }
}
