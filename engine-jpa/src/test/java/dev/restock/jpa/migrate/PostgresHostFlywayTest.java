package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class PostgresHostFlywayTest extends HostFlywayTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
