package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;
import java.util.List;

class H2OrderLinesMigrationTest extends OrderLinesMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }

  @Override
  protected List<String> foreignKeysOff() {
    return List.of("set referential_integrity false");
  }

  /** H2's switch holds for the whole database, not the connection. */
  @Override
  protected List<String> foreignKeysOn() {
    return List.of("set referential_integrity true");
  }
}
