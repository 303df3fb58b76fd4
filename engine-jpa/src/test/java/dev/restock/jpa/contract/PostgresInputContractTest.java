package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresInputContractTest extends InputContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
