package dev.restock.jpa.backup.erasure;

import dev.restock.jpa.testing.TestDatabase;

class PostgresRestoreKeepsErasuresContractTest extends RestoreKeepsErasuresContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
