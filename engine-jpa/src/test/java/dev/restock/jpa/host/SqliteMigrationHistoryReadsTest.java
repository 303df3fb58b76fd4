package dev.restock.jpa.host;

import dev.restock.jpa.testing.TestDatabase;

class SqliteMigrationHistoryReadsTest extends MigrationHistoryReadsContract {
  @Override
  protected TestDatabase kind() {
    return TestDatabase.SQLITE;
  }
}
