package dev.restock.spring;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The host application on a SQLite file of its own. */
@DirtiesContext
class SqliteHostApplicationTest extends HostApplicationContract {
  private static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    dir = TestDatabases.sqlite(registry);
  }

  @AfterAll
  static void deleteFile() {
    TestDatabases.delete(dir);
  }

  @Override
  protected boolean concurrentWriters() {
    return false;
  }

  @Override
  protected String trueLiteral() {
    return "1";
  }
}
