package dev.restock.plugin.storememory;

import dev.restock.api.spi.StoreFactory;
import dev.restock.plugin.tck.ChainContract;

/** The history chain contract of plugins/tck on the in-memory store. */
class MemoryChainContractTest extends ChainContract {
  @Override
  protected StoreFactory freshStore() {
    return MemoryStore.factory();
  }
}
