package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteCriteriaContractTest extends CriteriaContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
