package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

/** The engine joined to the host's transactions, on H2. */
class H2HostTransactionTest extends HostTransactionContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.H2;
  }
}
