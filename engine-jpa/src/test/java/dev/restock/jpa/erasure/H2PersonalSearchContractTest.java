package dev.restock.jpa.erasure;

import dev.restock.jpa.testing.TestDatabase;

class H2PersonalSearchContractTest extends JpaPersonalSearchContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
