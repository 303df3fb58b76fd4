package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class SqliteSkuClashMigrationTest extends SkuClashMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
