package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteEngineContractTest extends EngineContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
