package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresServiceOrderContractTest extends ServiceOrderContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
