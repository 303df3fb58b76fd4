package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

/** The engine joined to the host's transactions, on Postgres. */
class PostgresHostTransactionTest extends HostTransactionContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.POSTGRES;
  }
}
