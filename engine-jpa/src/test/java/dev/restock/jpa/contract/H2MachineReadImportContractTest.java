package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2MachineReadImportContractTest extends MachineReadImportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
