package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2InputContractTest extends InputContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
