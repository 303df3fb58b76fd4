package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresBackupSafetyContractTest extends BackupSafetyContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
