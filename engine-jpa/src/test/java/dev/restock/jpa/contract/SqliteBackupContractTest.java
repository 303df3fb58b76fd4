package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteBackupContractTest extends BackupContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
