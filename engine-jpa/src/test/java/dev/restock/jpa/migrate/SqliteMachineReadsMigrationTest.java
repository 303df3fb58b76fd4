package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class SqliteMachineReadsMigrationTest extends MachineReadsMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
