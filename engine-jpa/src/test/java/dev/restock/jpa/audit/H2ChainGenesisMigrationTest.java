package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;

class H2ChainGenesisMigrationTest extends ChainGenesisMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
