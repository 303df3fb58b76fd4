package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.AdministrationContract;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The TCK's administration contract on each database, which also counts rows behind it. */
abstract class AdministrationContractTest extends AdministrationContract {
  /** Tables the suite may ask about (constants, never input). */
  private static final Set<String> TABLES = Set.of("app_user", "audit_log");
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(UnaryOperator<Store> wrap) {
    db = database().fresh();
    return RestockEngine.builder().store(() -> wrap.apply(db.factory().open())).build();
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
