package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.AuditContract;

/** The TCK's audit contract through the whole engine on the in-memory store. */
class MemoryAuditContractTest extends AuditContract {
  @Override
  protected Restock openEngine(EnginePlugin plugin) {
    return RestockEngine.builder().store(MemoryStore.factory()).plugin(plugin).build();
  }
}
