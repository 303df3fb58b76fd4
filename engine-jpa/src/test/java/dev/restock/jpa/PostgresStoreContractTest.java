package dev.restock.jpa;

import dev.restock.jpa.testing.TestDatabase;

class PostgresStoreContractTest extends StoreContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
