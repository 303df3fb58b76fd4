package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresVisitPolicyEngineContractTest extends VisitPolicyEngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
