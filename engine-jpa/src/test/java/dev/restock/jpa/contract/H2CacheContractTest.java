package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2CacheContractTest extends CacheContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
