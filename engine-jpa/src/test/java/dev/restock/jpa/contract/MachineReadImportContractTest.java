package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.MachineReadImportContract;

/** The engine's machine-read import, derived sales and cash lines, on each database. */
abstract class MachineReadImportContractTest extends MachineReadImportContract {
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
