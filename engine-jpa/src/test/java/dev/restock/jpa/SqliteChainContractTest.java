package dev.restock.jpa;

import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.ChainContract;

/** The history chain contract of plugins/tck, on the JPA store over Sqlite. */
class SqliteChainContractTest extends ChainContract {
  private FreshDatabase db;

  @Override
  protected StoreFactory freshStore() {
    db = TestDatabase.SQLITE.fresh();
    return db.factory();
  }

  @Override
  protected void cleanUp() {
    db.close();
  }
}
