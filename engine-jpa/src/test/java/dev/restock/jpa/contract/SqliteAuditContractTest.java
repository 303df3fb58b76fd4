package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class SqliteAuditContractTest extends AuditContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
