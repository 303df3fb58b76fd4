package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class PostgresAuditContractTest extends AuditContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
