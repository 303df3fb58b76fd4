package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteAnchoredTamperContractTest extends AnchoredTamperContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
