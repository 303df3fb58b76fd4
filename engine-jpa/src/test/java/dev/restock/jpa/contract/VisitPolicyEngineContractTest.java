package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.VisitPolicyEngineContract;
import java.time.Clock;

/** The TCK's promises to visit policies on each database. */
abstract class VisitPolicyEngineContractTest extends VisitPolicyEngineContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(Clock clock, EnginePlugin... plugins) {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).clock(clock).plugin(plugins).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
