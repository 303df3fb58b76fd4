package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresAdministrationContractTest extends AdministrationContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
