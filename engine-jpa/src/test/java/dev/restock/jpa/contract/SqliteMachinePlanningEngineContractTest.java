package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteMachinePlanningEngineContractTest extends MachinePlanningEngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
