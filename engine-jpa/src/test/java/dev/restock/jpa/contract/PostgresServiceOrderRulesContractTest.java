package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresServiceOrderRulesContractTest extends ServiceOrderRulesContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
