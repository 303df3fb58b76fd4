package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import java.nio.file.Path;

/** On a SQLite file in the test's temporary directory. */
class SqliteExistingPlainDatabaseContractTest extends ExistingPlainDatabaseContractTest {
  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    return JpaStoreConfig.of("jdbc:sqlite:" + dir.resolve("restock.db"), null, null);
  }

  @Override
  protected void dropDatabase() {
    // the file lives in the test's temporary directory
  }

  @Override
  protected void failUpdatesOf(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("create trigger fail_" + table + " before update on " + table
          + " begin select raise(abort, 'injected failure'); end");
    }
  }

  @Override
  protected void allowUpdatesOf(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("drop trigger fail_" + table);
    }
  }
}
