package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class H2SkuClashMigrationTest extends SkuClashMigrationTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
