package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.StartupReportContract;

/** The engine's start-up report on the in-memory store, which reports no phases of its own. */
class MemoryStartupReportContractTest extends StartupReportContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(MemoryStore.factory()).build();
  }
}
