package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.SlotRulesContract;

/** Slot rules of the engine (empty slots, setSlot, omitted quantities), on the in-memory store. */
class MemorySlotRulesContractTest extends SlotRulesContract {
  @Override
  protected Restock openEngine() {
    return RestockEngine.builder().store(MemoryStore.factory()).build();
  }
}
