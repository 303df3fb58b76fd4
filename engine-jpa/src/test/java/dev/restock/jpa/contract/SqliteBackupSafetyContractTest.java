package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteBackupSafetyContractTest extends BackupSafetyContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
