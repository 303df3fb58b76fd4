package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.ServiceOrderRulesContract;
import java.time.Clock;

/** The service order rules through the whole engine, on each database. */
abstract class ServiceOrderRulesContractTest extends ServiceOrderRulesContract {
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
