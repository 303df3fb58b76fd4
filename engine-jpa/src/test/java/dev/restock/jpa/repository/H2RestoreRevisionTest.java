package dev.restock.jpa.repository;

import dev.restock.jpa.testing.TestDatabase;

class H2RestoreRevisionTest extends RestoreRevisionContract {
  @Override
  protected TestDatabase database() {
    return TestDatabase.H2;
  }
}
