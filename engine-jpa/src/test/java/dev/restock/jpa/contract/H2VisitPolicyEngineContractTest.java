package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2VisitPolicyEngineContractTest extends VisitPolicyEngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
