package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteInputContractTest extends InputContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
