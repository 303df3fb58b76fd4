package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

/** The engine on the host's pool, on Postgres. */
class PostgresHostDataSourceTest extends HostDataSourceContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.POSTGRES;
  }
}
