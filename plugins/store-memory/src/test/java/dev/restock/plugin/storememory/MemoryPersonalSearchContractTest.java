package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.PersonalSearchContract;

/** The TCK's personal-search contract through the whole engine on the in-memory store. */
class MemoryPersonalSearchContractTest extends PersonalSearchContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(() -> MemoryStore.factory().open()).build();
  }
}
