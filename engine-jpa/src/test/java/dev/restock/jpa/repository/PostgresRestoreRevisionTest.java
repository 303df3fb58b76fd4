package dev.restock.jpa.repository;

import dev.restock.jpa.testing.TestDatabase;

class PostgresRestoreRevisionTest extends RestoreRevisionContract {
  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }
}
