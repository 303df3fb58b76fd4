package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresEngineContractTest extends EngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
