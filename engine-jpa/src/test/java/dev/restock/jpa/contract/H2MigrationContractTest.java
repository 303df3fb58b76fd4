package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2MigrationContractTest extends MigrationContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  protected String folder() {
    return "h2";
  }
}
