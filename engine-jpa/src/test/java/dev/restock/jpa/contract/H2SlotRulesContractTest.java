package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2SlotRulesContractTest extends SlotRulesContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
