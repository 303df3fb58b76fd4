package dev.restock.web.api;

import dev.restock.web.WebDatabases;
import org.junit.jupiter.api.AfterAll;
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
}
