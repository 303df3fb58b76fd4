package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresTextSearchContractTest extends TextSearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
