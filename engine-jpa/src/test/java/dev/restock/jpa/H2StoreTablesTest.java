package dev.restock.jpa;

import dev.restock.jpa.testing.TestDatabase;

class H2StoreTablesTest extends StoreTablesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
