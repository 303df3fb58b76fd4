package dev.restock.spring;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The host application on a PostgreSQL schema of its own, dropped afterwards. */
@DirtiesContext
class PostgresHostApplicationTest extends HostApplicationContract {
  private static String schema;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    schema = TestDatabases.postgres(registry);
  }

  @AfterAll
  static void dropSchema() {
    TestDatabases.dropPostgres(schema);
  }
}
