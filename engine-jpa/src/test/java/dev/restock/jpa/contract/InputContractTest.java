package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.InputContract;
import java.util.OptionalLong;
import java.util.Set;

/** The TCK's bad-input contract on each database, which also counts rows behind the engine. */
abstract class InputContractTest extends InputContract {
  /** Tables the suite may ask about (constants, never input). */
  private static final Set<String> TABLES = Set.of("product", "stock_level", "audit_log");
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine() {
    db = database().fresh();
    return RestockEngine.builder().store(db.factory()).build();
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
