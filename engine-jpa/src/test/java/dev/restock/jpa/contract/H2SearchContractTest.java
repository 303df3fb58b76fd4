package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2SearchContractTest extends SearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
