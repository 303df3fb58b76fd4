package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class PostgresLegacyHistoryMoveOverTest extends LegacyHistoryMoveOverTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
