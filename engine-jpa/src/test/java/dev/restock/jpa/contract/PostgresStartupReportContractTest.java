package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresStartupReportContractTest extends StartupReportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
