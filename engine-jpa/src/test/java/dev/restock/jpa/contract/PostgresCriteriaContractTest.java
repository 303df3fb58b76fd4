package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresCriteriaContractTest extends CriteriaContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
