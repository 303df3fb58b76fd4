package dev.restock.jpa;

import dev.restock.jpa.testing.TestDatabase;

class SqliteStoreTablesTest extends StoreTablesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
