package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteTrustContractTest extends TrustContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
