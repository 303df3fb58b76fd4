package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.MachinePlanningEngineContract;

/** The engine's machine-level planning through a strategy's hook, on each database. */
abstract class MachinePlanningEngineContractTest extends MachinePlanningEngineContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(EnginePlugin... plugins) {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).plugin(plugins).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
