package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteSearchContractTest extends SearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
