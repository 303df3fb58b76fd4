package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2AdministrationContractTest extends AdministrationContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
