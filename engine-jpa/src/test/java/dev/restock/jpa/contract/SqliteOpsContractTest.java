package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteOpsContractTest extends OpsContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
