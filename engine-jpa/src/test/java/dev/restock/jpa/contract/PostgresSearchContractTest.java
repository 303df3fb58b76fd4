package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresSearchContractTest extends SearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
