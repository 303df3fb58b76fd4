package dev.restock.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The physical floor of a write scenario: the rows the engine writes, with one multi-row
 * statement per table and no ORM, in one transaction per unit of work. What differs between
 * databases (how a table's rows are sent) lives in {@link SqliteFloor} and
 * {@link PostgresFloor}.
 *
 * <p>Rows of one order: the number series upsert ({@link Baseline#nextOrderNumber}), the order,
 * its visits and lines (read by the baseline's own queries, {@link Baseline#readRoute}), one
 * {@code audit_revision} row carrying a SHA-256 link to the previous one, a history row per
 * order, visit and line ({@code service_order_aud}, {@code service_visit_aud},
 * {@code order_line_aud}), one {@code audit_log} row and the update of a chain head. Rows of a
 * batch of sales: the slot updates (one {@code UPDATE ... FROM (VALUES)} returning the new
 * state), a {@code sale} row and a {@code slot_aud} row per sold slot, one revision, one
 * {@code audit_log} row and the chain head update. The floor's chain head lives in its own table
 * ({@code bench_floor_chain}) and its revisions leave {@code chain_seq} empty, so the engine's
 * chain is never touched.
 */
abstract class Floor {
  /** One table's rows: its name, its columns, and a value per column per row. */
  record Rows(String table, List<String> columns, List<Object[]> values) {
    Rows(String table, String columns) {
      this(table, List.of(columns.split(",\\s*")), new ArrayList<>());
    }

    void add(Object... row) {
      values.add(row);
    }
  }

  /** What one unit of work wrote, per table (and, for an order, the machines it visits). */
  record Written(Map<String, Integer> rowsPerTable) {
    int rows(String table) {
      return rowsPerTable.getOrDefault(table, 0);
    }
  }

  protected final Connection connection;
  long statements;
  private String chainHash = "0".repeat(64);
  private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= 32) {
        return false;
      }
      try {
        eldest.getValue().close();
      } catch (SQLException e) {
        throw new IllegalStateException("closing a cached floor statement failed", e);
      }
      return true;
    }
  };

  Floor(Connection connection) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("create table if not exists bench_floor_chain (id integer primary key,"
          + " seq bigint not null, hash varchar(64) not null)");
      s.execute("delete from bench_floor_chain");
      s.execute("insert into bench_floor_chain (id, seq, hash) values (1, 0, '" + chainHash
          + "')");
    }
    connection.commit();
  }

  static Floor on(BenchDatabase db, Connection connection) throws SQLException {
    return db.isSqlite() ? new SqliteFloor(connection) : new PostgresFloor(connection);
  }

  /** Writes every row of {@code rows} with one statement (or chunks under a driver limit). */
  protected abstract void write(Rows rows) throws SQLException;

  protected PreparedStatement prepare(String sql) throws SQLException {
    statements++;
    return connection.prepareStatement(sql);
  }

  /**
   * A statement prepared once and kept open for the next unit of work with the same SQL (the
   * multi-row statements of full chunks and batches repeat): parsing a statement with thousands
   * of bound variables costs as much as running it. Counted once per use; never close it.
   */
  protected PreparedStatement cached(String sql) throws SQLException {
    statements++;
    PreparedStatement statement = cache.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      cache.put(sql, statement);
    }
    return statement;
  }

  /** Creates an order for a route as the floor: see the class comment for its rows. */
  Written createOrder(UUID routeId, UUID actor) throws SQLException {
    Baseline.Route route = Baseline.readRoute(this::prepare, routeId);
    String orderId = UUID.randomUUID().toString();
    Map<String, String> visitByCabinet = new LinkedHashMap<>();
    Rows visits = new Rows("service_visit", "id, order_id, sequence_no, device_id, device_name,"
        + " cabinet_id, cabinet_index, status");
    for (Baseline.Cabinet c : route.cabinets()) {
      String id = UUID.randomUUID().toString();
      visitByCabinet.put(c.cabinetId(), id);
      visits.add(id, orderId, visits.values().size(), c.deviceId(), c.deviceName(),
          c.cabinetId(), c.index(), "PENDING");
    }
    Rows lines = new Rows("order_line", "id, visit_id, slot_id, position, product_id, planned");
    for (Baseline.Line l : route.lines()) {
      lines.add(UUID.randomUUID().toString(), visitByCabinet.get(l.cabinetId()), l.slotId(),
          l.position(), l.productId(), l.units());
    }
    String number = Baseline.nextOrderNumber(this::prepare);
    Instant now = Instant.now();
    Rows order = new Rows("service_order", "id, number, route_id, status, strategy_id,"
        + " estimated_minutes, version, created_at, created_by, updated_at, updated_by");
    order.add(orderId, number, routeId.toString(), "PENDING", "fill-to-par",
        route.cabinets().size() * 10, 0L, now, actor.toString(), now, actor.toString());

    long rev = revision(actor, "service-order.create", now, order, visits, lines);
    List<Rows> all = new ArrayList<>(List.of(order, visits, lines));
    for (Rows business : List.of(order, visits, lines)) {
      all.add(history(business, rev));
    }
    for (Rows rows : all) {
      write(rows);
    }
    finish(rev, actor, "service-order.create", "SERVICE_ORDER", orderId, now);
    Map<String, Integer> written = new LinkedHashMap<>();
    all.forEach(r -> written.put(r.table(), r.values().size()));
    // not a table written: the machines visited, for the work column
    written.put("device",
        (int) route.cabinets().stream().map(Baseline.Cabinet::deviceId).distinct().count());
    return new Written(written);
  }

  /**
   * One unit sold from each slot, a unit of work per batch: the slot updates, a sale and a slot
   * history row per sold slot, a revision, an audit event and the chain head.
   */
  Written recordSales(List<UUID> slotIds, int batchSize, UUID actor) throws SQLException {
    Map<String, Integer> written = new LinkedHashMap<>();
    for (int from = 0; from < slotIds.size(); from += batchSize) {
      List<UUID> batch = slotIds.subList(from, Math.min(slotIds.size(), from + batchSize));
      Instant now = Instant.now();
      Rows sales = new Rows("sale", "id, slot_id, product_id, units, previous_quantity,"
          + " new_quantity, recorded_at, recorded_by");
      Rows slots = new Rows("slot", "id, capacity, par_level, position, price, quantity,"
          + " planogram_id, product_id, restored_at");
      StringBuilder sql = new StringBuilder("with v(id, units) as (values ");
      for (int i = 0; i < batch.size(); i++) {
        sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
      }
      sql.append(") update slot set quantity = slot.quantity - v.units from v"
          + " where slot.id = v.id and slot.quantity >= v.units and slot.product_id is not null"
          + " returning slot.id, slot.capacity, slot.par_level, slot.position, slot.price,"
          + " slot.quantity, slot.planogram_id, slot.product_id, slot.restored_at");
      PreparedStatement s = cached(sql.toString());
      int p = 1;
      for (UUID id : batch) {
        s.setString(p++, id.toString());
        s.setInt(p++, 1);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Object[] slot = new Object[9];
          for (int c = 0; c < 9; c++) {
            slot[c] = rs.getObject(c + 1);
          }
          slots.add(slot);
          int quantity = rs.getInt(6);
          sales.add(UUID.randomUUID().toString(), slot[0], slot[7], 1, quantity + 1, quantity,
              now, actor.toString());
        }
      }
      long rev = revision(actor, "sales.record", now, slots, sales);
      Rows history = history(slots, rev);
      write(sales);
      write(history);
      finish(rev, actor, "sales.record", "SLOT", null, now);
      written.merge("slot", slots.values().size(), Integer::sum);
      written.merge("sale", sales.values().size(), Integer::sum);
      written.merge("slot_aud", history.values().size(), Integer::sum);
    }
    return new Written(written);
  }

  /** The revision row, linked by hash to the previous one; returns its id. */
  private long revision(UUID actor, String action, Instant now, Rows... content)
      throws SQLException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    digest.update(chainHash.getBytes(StandardCharsets.US_ASCII));
    for (Rows rows : content) {
      for (Object[] row : rows.values()) {
        for (Object value : row) {
          digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        }
      }
    }
    String previous = chainHash;
    chainHash = HexFormat.of().formatHex(digest.digest());
    try (PreparedStatement s = prepare("insert into audit_revision (revision_time, actor_id,"
        + " action, reason, prev_hash, hash) values (?, ?, ?, ?, ?, ?) returning id")) {
      s.setLong(1, now.toEpochMilli());
      s.setString(2, actor.toString());
      s.setString(3, action);
      s.setString(4, "benchmark floor");
      s.setString(5, previous);
      s.setString(6, chainHash);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The history rows of {@code business} (revtype 0 for inserts, 1 for updates). */
  private static Rows history(Rows business, long rev) {
    boolean update = business.table().equals("slot");
    List<String> columns = new ArrayList<>(List.of("rev", "revtype"));
    List<String> copied = business.columns().stream()
        .filter(c -> !c.equals("version")).toList();
    columns.addAll(copied);
    Rows history = new Rows(business.table() + "_aud", columns, new ArrayList<>());
    for (Object[] row : business.values()) {
      Object[] aud = new Object[columns.size()];
      aud[0] = rev;
      aud[1] = update ? 1 : 0;
      int a = 2;
      for (int c = 0; c < row.length; c++) {
        if (!business.columns().get(c).equals("version")) {
          aud[a++] = row[c];
        }
      }
      history.add(aud);
    }
    return history;
  }

  /** The audit event, the chain head and the commit that end a unit of work. */
  private void finish(long rev, UUID actor, String action, String resourceType,
      String resourceId, Instant now) throws SQLException {
    try (PreparedStatement s = prepare("insert into audit_log (revision_id, actor_id, action,"
        + " resource_type, resource_id, created_at) values (?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, rev);
      s.setString(2, actor.toString());
      s.setString(3, action);
      s.setString(4, resourceType);
      s.setString(5, resourceId);
      s.setTimestamp(6, Timestamp.from(now));
      s.executeUpdate();
    }
    try (PreparedStatement s = prepare(
        "update bench_floor_chain set seq = seq + 1, hash = ? where id = 1")) {
      s.setString(1, chainHash);
      s.executeUpdate();
    }
    connection.commit();
  }

  /** A value as the CSV of {@code COPY}: empty for null, quoted text, ISO instants. */
  static String csv(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant || value instanceof Timestamp) {
      Instant instant = value instanceof Timestamp t ? t.toInstant() : (Instant) value;
      return instant.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "\"" + value.toString().replace("\"", "\"\"") + "\"";
  }
}
