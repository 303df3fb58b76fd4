package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.VisitPolicyEngineContract;
import java.time.Clock;

/** The TCK's promises to visit policies through the whole engine on the in-memory store. */
class MemoryVisitPolicyEngineContractTest extends VisitPolicyEngineContract {
  @Override
  protected Restock openEngine(Clock clock, EnginePlugin... plugins) {
    return RestockEngine.builder().store(MemoryStore.factory()).clock(clock).plugin(plugins)
        .build();
  }
}
