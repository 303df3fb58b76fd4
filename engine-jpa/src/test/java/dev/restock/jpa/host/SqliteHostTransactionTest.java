package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

/** The engine joined to the host's transactions, on Sqlite. */
class SqliteHostTransactionTest extends HostTransactionContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.SQLITE;
  }

  @Override
  protected boolean hostTransactionHoldsTheWriteLock() {
    return true;
  }
}
