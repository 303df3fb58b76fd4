package dev.restock.jpa.audit;

import dev.restock.jpa.testing.TestDatabase;

class H2ChainStreamingTest extends ChainStreamingTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
