package dev.restock.jpa.backup.erasure;

import dev.restock.jpa.testing.TestDatabase;

class H2RestoreKeepsErasuresContractTest extends RestoreKeepsErasuresContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
