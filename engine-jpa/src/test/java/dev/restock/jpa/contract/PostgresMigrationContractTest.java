package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresMigrationContractTest extends MigrationContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  @Override
  protected String folder() {
    return "postgresql";
  }
}
