package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteMigrationContractTest extends MigrationContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }

  @Override
  protected String folder() {
    return "sqlite";
  }
}
