package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2MachinePlanningEngineContractTest extends MachinePlanningEngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
