package dev.restock.jpa.erasure;

import dev.restock.jpa.testing.TestDatabase;

class SqlitePersonalSearchContractTest extends JpaPersonalSearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
