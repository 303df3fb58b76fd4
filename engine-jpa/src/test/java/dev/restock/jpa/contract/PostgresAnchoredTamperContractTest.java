package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresAnchoredTamperContractTest extends AnchoredTamperContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
