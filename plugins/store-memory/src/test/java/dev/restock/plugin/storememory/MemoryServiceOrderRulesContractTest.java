package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.ServiceOrderRulesContract;
import java.time.Clock;

/** The service order rules through the whole engine on the in-memory store. */
class MemoryServiceOrderRulesContractTest extends ServiceOrderRulesContract {
  @Override
  protected Restock openEngine(Clock clock, EnginePlugin... plugins) {
    return RestockEngine.builder().store(MemoryStore.factory()).clock(clock).plugin(plugins)
        .build();
  }
}
