package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.ReportContract;

/** The TCK's report contract through the whole engine on the in-memory store. */
class MemoryReportContractTest extends ReportContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(MemoryStore.factory()).build();
  }
}
