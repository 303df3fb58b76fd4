package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import java.nio.file.Path;

/** On an H2 file database in the test's temporary directory. */
class H2ExistingPlainDatabaseContractTest extends ExistingPlainDatabaseContractTest {
  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    return JpaStoreConfig.of("jdbc:h2:file:" + dir.resolve("h2").resolve("restock"), "sa", "");
  }

  @Override
  protected void dropDatabase() {
    // the files live in the test's temporary directory
  }

  @Override
  protected void failUpdatesOf(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("create trigger fail_" + table + " before update on " + table
          + " for each row call '" + Fail.class.getName() + "'");
    }
  }

  @Override
  protected void allowUpdatesOf(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("drop trigger fail_" + table);
    }
  }

  /** A trigger that fails every update. */
  public static final class Fail implements org.h2.api.Trigger {
    @Override
    public void fire(java.sql.Connection c, Object[] oldRow, Object[] newRow)
        throws java.sql.SQLException {
      throw new java.sql.SQLException("injected failure");
    }
  }
}
