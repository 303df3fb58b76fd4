package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.SearchContract;
import java.util.OptionalLong;

/**
 * The TCK's search contract on each database; the injection tests also count the rows of every
 * table behind the engine, and refused searches are shown to send no statement.
 */
abstract class SearchContractTest extends SearchContract {
  private FreshDatabase db;
  private JpaStore store;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine() {
    db = database().fresh();
    return RestockEngine.builder().store(() -> {
      store = (JpaStore) db.factory().open();
      return store;
    }).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected OptionalLong statementsRun() {
    return OptionalLong.of(store.preparedStatementCount());
  }

  @Override
  protected OptionalLong rowCount(String table) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("no table " + table);
    }
    return OptionalLong.of(db.count(table));
  }
}
