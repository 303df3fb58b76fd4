package dev.restock.jpa;

import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.SqlHistoryTampering;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.HistoryTampering;
import dev.restock.plugin.tck.StoreContract;

/** The store contract kit of plugins/tck, tamper cases included, on the JPA store over Postgres. */
class PostgresStoreKitTest extends StoreContract {
  private FreshDatabase db;

  @Override
  protected StoreFactory freshStore() {
    db = TestDatabase.POSTGRES.fresh();
    return db.factory();
  }

  @Override
  public HistoryTampering tampering() {
    return new SqlHistoryTampering(db);
  }

  @Override
  protected void cleanUp() {
    db.close();
  }
}
