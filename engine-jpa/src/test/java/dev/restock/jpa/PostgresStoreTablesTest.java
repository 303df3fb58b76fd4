package dev.restock.jpa;

import dev.restock.jpa.testing.TestDatabase;

class PostgresStoreTablesTest extends StoreTablesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
