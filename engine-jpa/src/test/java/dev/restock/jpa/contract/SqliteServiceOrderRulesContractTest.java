package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteServiceOrderRulesContractTest extends ServiceOrderRulesContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
