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
}
