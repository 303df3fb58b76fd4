package dev.restock.jpa.erasure;

import dev.restock.jpa.testing.TestDatabase;

class PostgresErasureContractTest extends JpaErasureContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
