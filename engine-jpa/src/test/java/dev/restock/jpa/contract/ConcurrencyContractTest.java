package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.ConcurrencyContract;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The TCK's concurrency contract on each database. */
abstract class ConcurrencyContractTest extends ConcurrencyContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(int maxAttempts, UnaryOperator<Store> wrap,
      EnginePlugin... plugins) {
    db = database().fresh();
    return RestockEngine.builder().store(() -> wrap.apply(db.factory().open()))
        .conflictRetry(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(200))
        .plugin(plugins).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
