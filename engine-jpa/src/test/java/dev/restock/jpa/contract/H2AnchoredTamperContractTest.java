package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2AnchoredTamperContractTest extends AnchoredTamperContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
