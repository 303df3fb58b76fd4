package dev.restock.plugin.storememory;

import dev.restock.api.Restock;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.plugin.picklist.StandardPickListsPlugin;
import dev.restock.plugin.tck.ServiceOrderContract;
import java.util.function.UnaryOperator;

/** The TCK's service order contract through the whole engine on the in-memory store. */
class MemoryServiceOrderContractTest extends ServiceOrderContract {
  @Override
  protected Restock openEngine(int minutesPerVisit, UnaryOperator<Store> wrap) {
    return RestockEngine.builder().store(() -> wrap.apply(MemoryStore.factory().open()))
        .minutesPerVisit(minutesPerVisit).plugin(new StandardPickListsPlugin()).build();
  }
}
