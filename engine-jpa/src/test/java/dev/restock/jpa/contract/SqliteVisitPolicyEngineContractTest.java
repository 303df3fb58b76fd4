package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteVisitPolicyEngineContractTest extends VisitPolicyEngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
