package dev.restock.jpa.erasure;

import dev.restock.api.Restock;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.ErasureContract;
import java.util.function.UnaryOperator;

/** The TCK's erasure contract on each database, with personal fields encrypted. */
abstract class JpaErasureContractTest extends ErasureContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(UnaryOperator<Store> wrap) {
    db = database().fresh();
    StoreFactory factory = ErasureStores.encrypted(db);
    return RestockEngine.builder().store(() -> wrap.apply(factory.open())).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }
}
