package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteStartupReportContractTest extends StartupReportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
