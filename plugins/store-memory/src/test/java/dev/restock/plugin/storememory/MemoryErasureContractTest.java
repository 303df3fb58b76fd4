package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.ErasureContract;
import java.util.function.UnaryOperator;

/** The TCK's erasure contract through the whole engine on the in-memory store. */
class MemoryErasureContractTest extends ErasureContract {
  @Override
  protected Restock openEngine(UnaryOperator<Store> wrap) {
    return RestockEngine.builder().store(() -> wrap.apply(MemoryStore.factory().open())).build();
  }
}
