package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2BackupSafetyContractTest extends BackupSafetyContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
