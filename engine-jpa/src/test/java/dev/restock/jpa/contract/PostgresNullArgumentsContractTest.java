package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresNullArgumentsContractTest extends NullArgumentsContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
