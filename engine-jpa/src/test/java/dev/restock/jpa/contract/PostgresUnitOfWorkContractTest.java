package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresUnitOfWorkContractTest extends UnitOfWorkContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
