package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.TestDatabase;

class H2HostFlywayTest extends HostFlywayTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
