package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteTextSearchContractTest extends TextSearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
