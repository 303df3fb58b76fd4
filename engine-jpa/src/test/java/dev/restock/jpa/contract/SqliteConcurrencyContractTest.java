package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteConcurrencyContractTest extends ConcurrencyContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
