package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2TextSearchContractTest extends TextSearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
