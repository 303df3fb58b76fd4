package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresSlotRulesContractTest extends SlotRulesContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
