package dev.restock.jpa.erasure;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.PersonalSearchContract;

/** The TCK's personal-search contract on each database, with personal fields encrypted. */
abstract class JpaPersonalSearchContractTest extends PersonalSearchContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine() {
    db = database().fresh();
    return RestockEngine.builder().store(ErasureStores.encrypted(db)).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
