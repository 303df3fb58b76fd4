package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2StartupReportContractTest extends StartupReportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
