package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2CriteriaContractTest extends CriteriaContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
