package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2ServiceOrderRulesContractTest extends ServiceOrderRulesContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
