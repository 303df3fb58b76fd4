package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteServiceOrderContractTest extends ServiceOrderContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
