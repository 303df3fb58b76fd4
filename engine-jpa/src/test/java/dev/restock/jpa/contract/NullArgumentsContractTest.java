package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.NullArgumentsContract;

/** Null arguments to every use case are refused by name, on each database. */
abstract class NullArgumentsContractTest extends NullArgumentsContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine() {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
