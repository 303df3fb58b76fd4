package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteUnitOfWorkContractTest extends UnitOfWorkContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
