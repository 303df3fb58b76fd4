package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.ConcurrencyContract;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The TCK's concurrency contract through the whole engine on the in-memory store. */
class MemoryConcurrencyContractTest extends ConcurrencyContract {
  @Override
  protected Restock openEngine(int maxAttempts, UnaryOperator<Store> wrap,
      EnginePlugin... plugins) {
    return RestockEngine.builder().store(() -> wrap.apply(MemoryStore.factory().open()))
        .conflictRetry(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(200))
        .plugin(plugins).build();
  }
}
