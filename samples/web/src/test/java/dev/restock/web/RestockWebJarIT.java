package dev.restock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code restock-web.jar} as the README says, in an empty directory: it creates
 * {@code restock-web.db}, seeds the demo fleet with generated passwords that it logs once, serves
 * the console and the API on localhost, and a second start on the same file seeds nothing again.
 */
class RestockWebJarIT {
  private static final Pattern GENERATED = Pattern.compile(
      "Account '(\\w+)' created with the generated password ([0-9a-f]+)");

  @TempDir Path dir;

  @Test
  void theJarServesTheDemoFleetOnASqliteFileAndKeepsItAcrossRestarts() throws Exception {
    int port = freePort();
    String first = runUntilServing(port);
    assertThat(dir.resolve("restock-web.db")).exists();
    Matcher m = GENERATED.matcher(first);
    String admin = null;
    int generated = 0;
    while (m.find()) {
      generated++;
      if (m.group(1).equals("admin")) {
        admin = m.group(2);
      }
    }
    assertThat(generated).as("generated passwords logged\n" + first).isEqualTo(2);
    assertThat(first).contains("Demo fleet created");

    int again = freePort();
    String second = runUntilServing(again, admin);
    assertThat(second).doesNotContain("generated password").doesNotContain("Demo fleet created");
  }

  /** Starts the jar, checks what it serves, stops it, and returns what it logged. */
  private String runUntilServing(int port, String... adminPassword) throws Exception {
    Path log = dir.resolve("web-" + port + ".log");
    Process p = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("restock.web.jar"), "--server.port=" + port))
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Http anonymous = new Http(port, null, null);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      HttpResponse<String> login = null;
      while (Instant.now().isBefore(deadline) && p.isAlive()) {
        try {
          login = anonymous.get("/login");
          break;
        } catch (java.io.UncheckedIOException notYet) {
          Thread.sleep(250);
        }
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(login).as("the web host answered\n" + out).isNotNull();
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(anonymous.get("/api/products").statusCode()).isEqualTo(401);
      String password = adminPassword.length > 0 ? adminPassword[0] : passwordOf(out);
      HttpResponse<String> products = new Http(port, "admin", password).get("/api/products");
      assertThat(products.statusCode()).as(products.body()).isEqualTo(200);
      assertThat(products.body()).contains("DEMO-COLA");
      return out;
    } finally {
      p.destroy();
      assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("the web host stopped").isTrue();
    }
  }

  private static String passwordOf(String log) {
    Matcher m = GENERATED.matcher(log);
    while (m.find()) {
      if (m.group(1).equals("admin")) {
        return m.group(2);
      }
    }
    throw new AssertionError("no generated admin password in\n" + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
