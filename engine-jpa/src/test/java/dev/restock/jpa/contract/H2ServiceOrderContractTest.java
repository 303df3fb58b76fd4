package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2ServiceOrderContractTest extends ServiceOrderContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
