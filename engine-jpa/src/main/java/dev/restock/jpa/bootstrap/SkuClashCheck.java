package dev.restock.jpa.bootstrap;

import dev.restock.api.catalog.Product;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Runs before migration 5 (skus unique ignoring the case of ASCII letters) and refuses it, naming
 * every group of live skus that differ only by case. Without it the migration's unique index
 * would fail with the database's own terse message; with it, nothing runs and the operator learns
 * which products to rename or delete. The database is left as it was.
 */
public final class SkuClashCheck implements Callback {
  /** The migration that makes skus case-insensitively unique. */
  static final String VERSION = "5";

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE && context.getMigrationInfo() != null
        && context.getMigrationInfo().getVersion() != null
        && VERSION.equals(context.getMigrationInfo().getVersion().getVersion());
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    List<String> clashes;
    try {
      clashes = clashes(context.getConnection());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the skus of live products before migration "
          + VERSION + ": " + e.getMessage(), e);
    }
    if (!clashes.isEmpty()) {
      throw new SkuClashException("migration " + VERSION + " makes skus unique ignoring letter "
          + "case, but live products have skus that differ only by case: "
          + String.join("; ", clashes) + ". Rename or delete all but one of each group "
          + "(e.g. 'restock product update OLD --sku NEW'), then start again. Nothing was "
          + "changed.");
    }
  }

  /** Every group of live skus sharing one {@link Product#skuKey}, e.g. {@code COLA, cola}. */
  static List<String> clashes(Connection connection) throws SQLException {
    Map<String, TreeSet<String>> byKey = new TreeMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("select sku from product where deleted_at is null")) {
      while (r.next()) {
        String sku = r.getString(1);
        byKey.computeIfAbsent(Product.skuKey(sku), k -> new TreeSet<>()).add(sku);
      }
    }
    List<String> clashes = new ArrayList<>();
    byKey.values().stream().filter(group -> group.size() > 1)
        .forEach(group -> clashes.add(String.join(", ", group)));
    return clashes;
  }

  @Override
  public String getCallbackName() {
    return "restock-sku-clash-check";
  }

  /** Live skus clash ignoring case; the message names them. */
  public static final class SkuClashException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SkuClashException(String message) {
      super(message);
    }
  }
}
