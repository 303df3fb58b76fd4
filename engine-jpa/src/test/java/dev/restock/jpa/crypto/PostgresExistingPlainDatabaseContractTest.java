package dev.restock.jpa.crypto;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.nio.file.Path;

/** On a PostgreSQL schema of its own. */
class PostgresExistingPlainDatabaseContractTest extends ExistingPlainDatabaseContractTest {
  private FreshDatabase fresh;

  @Override
  protected JpaStoreConfig newDatabase(Path dir) {
    fresh = TestDatabase.POSTGRES.fresh();
    return fresh.config();
  }

  @Override
  protected void dropDatabase() {
    if (fresh != null) {
      fresh.close();
    }
  }

  @Override
  protected void failUpdatesOf(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("create function fail_update() returns trigger language plpgsql as "
          + "$$ begin raise exception 'injected failure'; end $$");
      s.execute("create trigger fail_" + table + " before update on " + table
          + " for each row execute function fail_update()");
    }
  }

  @Override
  protected void allowUpdatesOf(java.sql.Connection c, String table) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("drop trigger fail_" + table + " on " + table);
    }
  }
}
