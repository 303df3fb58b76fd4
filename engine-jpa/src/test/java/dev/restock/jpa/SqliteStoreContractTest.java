package dev.restock.jpa;

import dev.restock.jpa.testing.TestDatabase;

class SqliteStoreContractTest extends StoreContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
