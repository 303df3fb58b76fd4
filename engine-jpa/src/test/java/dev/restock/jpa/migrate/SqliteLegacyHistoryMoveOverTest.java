package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class SqliteLegacyHistoryMoveOverTest extends LegacyHistoryMoveOverTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
