package dev.restock.plugin.storememory;

import dev.restock.api.spi.StoreFactory;
import dev.restock.plugin.tck.HistoryTampering;
import dev.restock.plugin.tck.StoreContract;

/** The in-memory store passes the store contract kit, as the JPA store does on each database. */
class MemoryStoreKitTest extends StoreContract {
  @Override
  protected StoreFactory freshStore() {
    return MemoryStore.factory();
  }

  @Override
  public HistoryTampering tampering() {
    return new MemoryHistoryTampering((MemoryStore) store());
  }
}
