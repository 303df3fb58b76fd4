package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2ReportContractTest extends ReportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
