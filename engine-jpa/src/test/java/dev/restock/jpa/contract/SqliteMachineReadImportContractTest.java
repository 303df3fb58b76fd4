package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteMachineReadImportContractTest extends MachineReadImportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
