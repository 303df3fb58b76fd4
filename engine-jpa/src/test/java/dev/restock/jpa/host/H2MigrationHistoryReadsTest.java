package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

class H2MigrationHistoryReadsTest extends MigrationHistoryReadsContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.H2;
  }
}
