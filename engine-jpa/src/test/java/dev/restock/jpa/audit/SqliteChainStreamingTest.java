package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;

class SqliteChainStreamingTest extends ChainStreamingTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
