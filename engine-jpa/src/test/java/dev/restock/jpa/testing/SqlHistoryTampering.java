package dev.restock.jpa.testing;

import dev.restock.plugin.tck.HistoryTampering;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The kit's tampering hook on the JPA store: plain SQL on the database's tables, as someone who
 * can write every table would use it. Each statement commits on its own.
 */
public final class SqlHistoryTampering implements HistoryTampering {
  /** Every audit table, as a test constant (never input). */
  private static final List<String> AUDIT_TABLES = List.of("app_user_aud", "cabinet_aud",
      "cabinet_type_aud", "device_aud", "device_type_aud", "location_aud", "order_line_aud",
      "planogram_aud", "product_aud", "route_aud", "service_order_aud", "service_visit_aud",
      "service_visit_lines_aud",
      "slot_aud", "stock_level_aud");

  private final FreshDatabase db;

  /** Tampers with {@code db}. */
  public SqlHistoryTampering(FreshDatabase db) {
    this.db = db;
  }

  @Override
  public void changeRecordedName(long revision, UUID productId, String name) {
    update(1, "update product_aud set name = ? where rev = ? and id = ?", name, revision,
        productId.toString());
  }

  @Override
  public void changeEventDetails(long revision, String key, String value) {
    update(-1, "update audit_log set details = ? where revision_id = ?",
        "{\"" + key + "\":\"" + value + "\"}", revision);
  }

  @Override
  public void deleteRevision(long revision) {
    for (String table : AUDIT_TABLES) {
      update(-1, "delete from " + table + " where rev = ?", revision);
    }
    update(-1, "delete from audit_log where revision_id = ?", revision);
    update(1, "delete from audit_revision where id = ?", revision);
  }

  @Override
  public void moveHead(long size, String hash) {
    update(1, "update audit_chain_head set seq = ?, hash = ? where id = 1", size, hash);
  }

  @Override
  public void changeLiveName(UUID productId, String name) {
    update(1, "update product set name = ? where id = ?", name, productId.toString());
  }

  /** Runs one statement; {@code rows} is the count it must change, or -1 for any. */
  private void update(int rows, String sql, Object... values) {
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      int changed = p.executeUpdate();
      if (rows >= 0 && changed != rows) {
        throw new IllegalStateException(sql + " changed " + changed + " rows, not " + rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tamper: " + sql, e);
    }
  }
}
