package dev.restock.jpa.contract;

import dev.restock.api.Restock;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.picklist.StandardPickListsPlugin;
import dev.restock.plugin.tck.ServiceOrderContract;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The TCK's service order contract on each database, which also counts the rows refused
 * operations must not leave behind.
 */
abstract class ServiceOrderContractTest extends ServiceOrderContract {
  /** Tables the suite may ask about (constants, never input). */
  private static final Set<String> TABLES = Set.of("service_order", "service_visit",
      "order_line", "number_series", "delivery_note");
  private FreshDatabase db;

  protected abstract TestDatabase database();

  @Override
  protected Restock openEngine(int minutesPerVisit, UnaryOperator<Store> wrap) {
    db = database().fresh();
    return RestockEngine.builder().store(() -> wrap.apply(db.factory().open()))
        .minutesPerVisit(minutesPerVisit).plugin(new StandardPickListsPlugin()).build();
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
    if (table.equals("number_series")) {
      // the suite asks whether a document number was taken; the engine keeps other series there
      // too (the administration lock, see Administrators in engine-core)
      return OptionalLong.of(documentSeries());
    }
    return OptionalLong.of(db.count(table));
  }

  private long documentSeries() {
    try (java.sql.Connection c = db.connect(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet r = st.executeQuery("select count(*) from number_series"
            + " where series like 'SO-%' or series like 'DN-%'")) {
      r.next();
      return r.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot count document number series", e);
    }
  }
}
