package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.SearchContract;

/** The TCK's search contract through the whole engine on the in-memory store. */
class MemorySearchContractTest extends SearchContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(MemoryStore.factory()).build();
  }
}
