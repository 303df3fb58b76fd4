package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;

class SqliteChainGenesisMigrationTest extends ChainGenesisMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
