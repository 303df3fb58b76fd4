package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2EngineContractTest extends EngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
