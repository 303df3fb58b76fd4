package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteReportContractTest extends ReportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
