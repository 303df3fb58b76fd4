package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.MachinePlanningEngineContract;

/** The engine's machine-level planning through a strategy's hook, on the in-memory store. */
class MemoryMachinePlanningEngineContractTest extends MachinePlanningEngineContract {
  @Override
  protected Restock openEngine(EnginePlugin... plugins) {
    return RestockEngine.builder().store(MemoryStore.factory()).plugin(plugins).build();
  }
}
