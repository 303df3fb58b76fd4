package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class PostgresSkuClashMigrationTest extends SkuClashMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
