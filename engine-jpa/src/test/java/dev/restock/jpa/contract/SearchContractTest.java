package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.SearchContract;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The TCK's search contract on each database; the injection tests also count the rows of every
 * table behind the engine, and refused searches are shown to send no statement.
 */
abstract class SearchContractTest extends SearchContract {
  /**
   * Every table a searchable aggregate, its children, the stock, the sales and the audit trail
   * live in.
   */
  private static final List<String> TABLES = List.of("product", "location", "route",
      "device_type", "cabinet_type", "device", "cabinet", "planogram", "slot", "app_user",
      "service_order", "service_visit", "order_line", "delivery_note", "delivery_note_line",
      "stock_level", "sale", "audit_revision", "audit_log");

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
  protected Map<String, Long> storedCounts() {
    Map<String, Long> rows = new TreeMap<>();
    TABLES.forEach(table -> rows.put(table, db.count(table)));
    return rows;
  }
}
