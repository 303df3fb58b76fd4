package dev.restock.jpa.startup;

import dev.restock.jpa.testing.TestDatabase;

class H2SchemaValidationTest extends SchemaValidationContract {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
