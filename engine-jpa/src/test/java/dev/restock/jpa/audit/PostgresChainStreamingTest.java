package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;

class PostgresChainStreamingTest extends ChainStreamingTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
