package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresReportContractTest extends ReportContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
