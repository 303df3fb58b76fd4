package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;
import java.util.List;

class SqliteOrderLinesMigrationTest extends OrderLinesMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }

  /** A plain sqlite-jdbc connection enforces no foreign keys unless asked. */
  @Override
  protected List<String> foreignKeysOff() {
    return List.of("pragma foreign_keys = off");
  }
}
