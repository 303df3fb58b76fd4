package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteSlotRulesContractTest extends SlotRulesContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
