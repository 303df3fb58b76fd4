package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresBackupContractTest extends BackupContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
