package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresMachineReadImportContractTest extends MachineReadImportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
