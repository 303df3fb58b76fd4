package dev.restock.jpa.contract;

import dev.restock.jpa.testing.TestDatabase;

class H2AuditContractTest extends AuditContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
