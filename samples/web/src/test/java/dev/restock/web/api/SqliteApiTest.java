package dev.restock.web.api;

import dev.restock.web.WebDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API's contract on a fresh SQLite file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SqliteApiTest extends ApiContract {
  private static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = WebDatabases.sqlite(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.delete(dir);
  }

  @Autowired
  JdbcTemplate jdbc;

  @Override
  protected void refuseAccountInsertsNamed(String username) {
    jdbc.execute("create trigger refuse_" + username.replace('-', '_')
        + " before insert on web_account when new.username = '" + username + "'"
        + " begin select raise(abort, 'account refused by the test'); end");
  }
}
