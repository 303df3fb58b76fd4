package dev.restock.jpa.erasure;

import dev.restock.jpa.testing.TestDatabase;

class H2ErasureContractTest extends JpaErasureContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
