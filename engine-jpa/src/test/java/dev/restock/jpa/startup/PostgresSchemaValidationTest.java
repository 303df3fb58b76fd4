package dev.restock.jpa.startup;

import dev.restock.jpa.testing.TestDatabase;

class PostgresSchemaValidationTest extends SchemaValidationContract {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
