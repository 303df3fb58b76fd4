package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

/** The engine on the host's pool, on H2. */
class H2HostDataSourceTest extends HostDataSourceContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.H2;
  }
}
