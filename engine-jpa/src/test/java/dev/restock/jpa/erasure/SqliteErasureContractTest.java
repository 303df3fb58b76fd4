package dev.restock.jpa.erasure;

import dev.restock.jpa.testing.TestDatabase;

class SqliteErasureContractTest extends JpaErasureContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
