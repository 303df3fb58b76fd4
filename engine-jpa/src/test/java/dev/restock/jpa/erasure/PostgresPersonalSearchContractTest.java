package dev.restock.jpa.erasure;

import dev.restock.jpa.testing.TestDatabase;

class PostgresPersonalSearchContractTest extends JpaPersonalSearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
