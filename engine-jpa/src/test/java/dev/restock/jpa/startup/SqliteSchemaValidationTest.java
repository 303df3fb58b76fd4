package dev.restock.jpa.startup;

import dev.restock.jpa.testing.TestDatabase;

class SqliteSchemaValidationTest extends SchemaValidationContract {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
