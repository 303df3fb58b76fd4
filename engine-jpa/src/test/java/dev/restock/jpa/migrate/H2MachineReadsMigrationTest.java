package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class H2MachineReadsMigrationTest extends MachineReadsMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
