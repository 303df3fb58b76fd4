package dev.restock.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The same work done the plain way, as the seeds do it: hand-written SQL with bound parameters,
 * batched writes, one transaction, and no history. Counts the statements it prepares.
 */
final class Baseline {
  private final Connection connection;
  long statements;

  Baseline(Connection connection) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    statements++;
    return connection.prepareStatement(sql);
  }

  /** Prepares one statement for a reader and counts it against the caller's statements. */
  @FunctionalInterface
  interface Statements {
    /** A new statement for {@code sql}, which the reader closes. */
    PreparedStatement prepare(String sql) throws SQLException;
  }

  /** Reads one row of a result into a value. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** A cabinet of the route whose planogram is active, in visiting order. */
  record Cabinet(String deviceId, String deviceName, String cabinetId, int index) {}

  /** A slot under par on the route, with the units that fill it to par. */
  record Line(String cabinetId, String slotId, String position, String productId, int units) {}

  /** What an order for a route reads: its cabinets in visiting order and its slots under par. */
  record Route(List<Cabinet> cabinets, List<Line> lines) {}

  /**
   * The two reads of an order for a route, shared by the baseline and the floor: the cabinets
   * with an active planogram (by machine name, then cabinet index), then the slots under par.
   */
  static Route readRoute(Statements statements, UUID routeId) throws SQLException {
    List<Cabinet> cabinets = query(statements, "select d.id, d.name, c.id, c.cabinet_index"
        + " from device d join cabinet c on c.device_id = d.id"
        + " join planogram p on p.cabinet_id = c.id and p.active = true and p.deleted_at is null"
        + " where d.route_id = ? and d.deleted_at is null and c.deleted_at is null"
        + " order by d.name, c.cabinet_index", routeId,
        rs -> new Cabinet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    List<Line> lines = query(statements, "select c.id, s.id, s.position, s.product_id,"
        + " s.par_level - s.quantity from device d join cabinet c on c.device_id = d.id"
        + " join planogram p on p.cabinet_id = c.id and p.active = true and p.deleted_at is null"
        + " join slot s on s.planogram_id = p.id and s.deleted_at is null"
        + " where d.route_id = ? and d.deleted_at is null and s.product_id is not null"
        + " and s.par_level > s.quantity", routeId,
        rs -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5)));
    return new Route(cabinets, lines);
  }

  /** The rows of a query bound to one route id, read in order. */
  private static <T> List<T> query(Statements statements, String sql, UUID routeId,
      RowReader<T> reader) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement s = statements.prepare(sql)) {
      s.setString(1, routeId.toString());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
    }
    return rows;
  }

  /**
   * The next number of this year's service order series ({@code SO-2026-000042}), taken with one
   * upsert of {@code number_series}; shared by the baseline and the floor.
   */
  static String nextOrderNumber(Statements statements) throws SQLException {
    String series = "SO-" + Year.now(ZoneOffset.UTC).getValue();
    try (PreparedStatement s = statements.prepare("insert into number_series (series,"
        + " last_value) values (?, 1) on conflict (series) do update"
        + " set last_value = number_series.last_value + 1 returning last_value")) {
      s.setString(1, series);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return String.format("%s-%06d", series, rs.getLong(1));
      }
    }
  }

  /** Creates an order for a route: cabinets, slots under par, number, order, visits, lines. */
  String createOrder(UUID routeId, UUID actor) throws SQLException {
    Route route = readRoute(this::prepare, routeId);
    List<Cabinet> cabinets = route.cabinets();
    List<Line> lines = route.lines();
    String number = nextOrderNumber(this::prepare);
    String orderId = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement s = prepare("insert into service_order (id, number, route_id, status,"
        + " strategy_id, estimated_minutes, version, created_at, created_by, updated_at,"
        + " updated_by) values (?, ?, ?, 'PENDING', 'fill-to-par', ?, 0, ?, ?, ?, ?)")) {
      s.setString(1, orderId);
      s.setString(2, number);
      s.setString(3, routeId.toString());
      s.setInt(4, cabinets.size() * 10);
      s.setTimestamp(5, now);
      s.setString(6, actor.toString());
      s.setTimestamp(7, now);
      s.setString(8, actor.toString());
      s.executeUpdate();
    }
    Map<String, String> visitByCabinet = new LinkedHashMap<>();
    try (PreparedStatement s = prepare("insert into service_visit (id, order_id, sequence_no,"
        + " device_id, device_name, cabinet_id, cabinet_index, status)"
        + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING')")) {
      int n = 0;
      for (Cabinet c : cabinets) {
        String id = UUID.randomUUID().toString();
        visitByCabinet.put(c.cabinetId(), id);
        s.setString(1, id);
        s.setString(2, orderId);
        s.setInt(3, n++);
        s.setString(4, c.deviceId());
        s.setString(5, c.deviceName());
        s.setString(6, c.cabinetId());
        s.setInt(7, c.index());
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s = prepare("insert into order_line (id, visit_id, slot_id, position,"
        + " product_id, planned) values (?, ?, ?, ?, ?, ?)")) {
      for (Line l : lines) {
        s.setString(1, UUID.randomUUID().toString());
        s.setString(2, visitByCabinet.get(l.cabinetId()));
        s.setString(3, l.slotId());
        s.setString(4, l.position());
        s.setString(5, l.productId());
        s.setInt(6, l.units());
        s.addBatch();
      }
      s.executeBatch();
    }
    connection.commit();
    return number;
  }

  /** One unit sold from each slot: batched updates, a commit per batch, no history. */
  void recordSales(List<UUID> slotIds, int batchSize) throws SQLException {
    try (PreparedStatement s = prepare(
        "update slot set quantity = quantity - 1 where id = ? and quantity > 0")) {
      int inBatch = 0;
      for (UUID id : slotIds) {
        s.setString(1, id.toString());
        s.addBatch();
        if (++inBatch == batchSize) {
          s.executeBatch();
          connection.commit();
          inBatch = 0;
        }
      }
      s.executeBatch();
      connection.commit();
    }
  }

  /** Revisions of one product with who and when. */
  int productHistory(UUID productId) throws SQLException {
    int rows = 0;
    try (PreparedStatement s = prepare("select a.rev, a.revtype, a.sku, a.name, a.price,"
        + " r.actor_id, r.action, r.revision_time from product_aud a"
        + " join audit_revision r on r.id = a.rev where a.id = ? order by a.rev")) {
      s.setString(1, productId.toString());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    connection.commit();
    return rows;
  }

  /** Page 1 of live products by sku, with the live count. */
  int liveProductsPage(int size) throws SQLException {
    int rows = 0;
    try (PreparedStatement s = prepare("select id, sku, name, price from product"
        + " where deleted_at is null order by sku limit ?")) {
      s.setInt(1, size);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    try (PreparedStatement s = prepare("select count(*) from product where deleted_at is null");
        ResultSet rs = s.executeQuery()) {
      rs.next();
    }
    connection.commit();
    return rows;
  }
}
