package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2OpsContractTest extends OpsContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
