package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

/** The engine on the host's pool, on Sqlite. */
class SqliteHostDataSourceTest extends HostDataSourceContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.SQLITE;
  }
}
