package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteNullArgumentsContractTest extends NullArgumentsContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
