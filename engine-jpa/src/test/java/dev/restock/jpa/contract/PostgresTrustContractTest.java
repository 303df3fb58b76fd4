package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresTrustContractTest extends TrustContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
