package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.tck.UnitOfWorkContract;
import java.util.function.UnaryOperator;

/** The TCK's unit-of-work contract through the whole engine on the in-memory store. */
class MemoryUnitOfWorkContractTest extends UnitOfWorkContract {
  @Override
  protected Restock openEngine(UnaryOperator<Store> wrap, EnginePlugin... plugins) {
    return RestockEngine.builder().store(() -> wrap.apply(MemoryStore.factory().open()))
        .plugin(plugins).build();
  }
}
