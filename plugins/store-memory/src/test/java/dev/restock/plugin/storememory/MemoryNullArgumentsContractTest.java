package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.NullArgumentsContract;

/** Null arguments to every use case are refused by name, on the in-memory store. */
class MemoryNullArgumentsContractTest extends NullArgumentsContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(MemoryStore.factory()).build();
  }
}
