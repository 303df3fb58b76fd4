package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresMachinePlanningEngineContractTest extends MachinePlanningEngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
