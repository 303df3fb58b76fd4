package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2UnitOfWorkContractTest extends UnitOfWorkContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
