package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteAdministrationContractTest extends AdministrationContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
