package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2BackupContractTest extends BackupContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
