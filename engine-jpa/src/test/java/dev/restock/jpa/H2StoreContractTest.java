package dev.restock.jpa;

import dev.restock.jpa.testing.TestDatabase;

class H2StoreContractTest extends StoreContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
