package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class H2LegacyHistoryMoveOverTest extends LegacyHistoryMoveOverTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
