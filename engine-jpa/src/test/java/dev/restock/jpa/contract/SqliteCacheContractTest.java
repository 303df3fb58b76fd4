package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteCacheContractTest extends CacheContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
