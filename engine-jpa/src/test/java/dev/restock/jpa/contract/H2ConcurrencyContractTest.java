package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2ConcurrencyContractTest extends ConcurrencyContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
