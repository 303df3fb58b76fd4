package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2NullArgumentsContractTest extends NullArgumentsContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
