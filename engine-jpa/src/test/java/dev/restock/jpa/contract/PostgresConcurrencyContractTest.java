package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresConcurrencyContractTest extends ConcurrencyContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
