package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.UnitOfWorkContract;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** The TCK's unit-of-work contract on each database, which also counts rows behind it. */
abstract class UnitOfWorkContractTest extends UnitOfWorkContract {
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(UnaryOperator<Store> wrap, EnginePlugin... plugins) {
    db = database().fresh();
    return RestockEngine.builder().store(() -> wrap.apply(db.factory().open()))
        .plugin(plugins).build();
  }

  @Override
  protected void cleanUp() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected OptionalLong rowCount(String table) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("no table " + table);
    }
    return OptionalLong.of(db.count(table));
  }
}
