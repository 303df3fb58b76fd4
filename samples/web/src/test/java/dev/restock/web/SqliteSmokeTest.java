package dev.restock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The packaged application's start on a fresh SQLite file: accounts and demo fleet seeded, the
 * API refusing anonymous calls, the console's login page served, the OpenAPI document public,
 * and a signed-in browser seeing the start page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SqliteSmokeTest {
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
  void anonymousApiCallsAreChallengedAndTheLoginPageIsPublic() {
    HttpResponse<String> api = new Http(port, null, null).get("/api/products");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Basic"));
    HttpResponse<String> login = new Http(port, null, null).get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("name=\"password\"");
    assertThat(new Http(port, null, null).get("/v3/api-docs").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThat(new Http(port, "admin", "wrong").get("/api/products").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theAdministratorSignsInToTheConsole() {
    try (Browser browser = Browser.open(port)) {
      browser.signIn("admin", WebDatabases.ADMIN_PASSWORD);
      assertThat(browser.driver().getPageSource()).contains("Route board");
      browser.screenshot("home");
    }
  }
}
