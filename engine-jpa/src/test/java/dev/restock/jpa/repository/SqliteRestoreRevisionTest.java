package dev.restock.jpa.repository;

import dev.restock.jpa.testing.TestDatabase;

class SqliteRestoreRevisionTest extends RestoreRevisionContract {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }
}
