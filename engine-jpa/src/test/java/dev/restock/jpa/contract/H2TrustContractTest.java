package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2TrustContractTest extends TrustContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
