package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class SqliteHostFlywayTest extends HostFlywayTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
