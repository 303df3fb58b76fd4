package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class PostgresMachineReadsMigrationTest extends MachineReadsMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
