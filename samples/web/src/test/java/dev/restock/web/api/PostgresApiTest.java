package dev.restock.web.api;

import dev.restock.web.WebDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API's contract on a schema of its own on the PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresApiTest extends ApiContract {
  private static String schema;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    schema = WebDatabases.postgres(registry);
  }

  @AfterAll
  static void remove() {
    WebDatabases.dropPostgres(schema);
  }

  @Autowired
  JdbcTemplate jdbc;

  @Override
  protected void refuseAccountInsertsNamed(String username) {
    String name = "refuse_" + username.replace('-', '_');
    jdbc.execute("create function " + name + "() returns trigger language plpgsql as $$ begin"
        + " if new.username = '" + username + "' then"
        + " raise exception 'account refused by the test'; end if; return new; end $$");
    jdbc.execute("create trigger " + name + " before insert on web_account for each row"
        + " execute function " + name + "()");
  }
}
