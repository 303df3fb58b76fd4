package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.EngineContract;

/** The TCK's engine contract through the whole engine on the in-memory store. */
class MemoryEngineContractTest extends EngineContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(MemoryStore.factory()).build();
  }
}
