package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresCacheContractTest extends CacheContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
