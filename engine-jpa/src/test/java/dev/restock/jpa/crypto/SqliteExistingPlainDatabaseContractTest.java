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
}
