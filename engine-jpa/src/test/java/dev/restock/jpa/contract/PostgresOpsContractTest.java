package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresOpsContractTest extends OpsContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
