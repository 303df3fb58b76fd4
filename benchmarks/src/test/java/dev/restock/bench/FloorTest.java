package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.core.wiring.RestockEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The baseline's route reads, which the floor calls rather than copies, on a real SQLite file
 * and a real PostgreSQL schema: they read the cabinets and slots under par that the engine's own
 * order holds, and the baseline and the floor both write an order of exactly those lines, with
 * numbers from the one series, counting the reads among their statements.
 */
class FloorTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void theFloorAndTheBaselineWriteTheOrderTheirSharedReadsFind(String database) throws Exception {
    try (BenchDatabase db = database.equals("sqlite") ? BenchDatabase.sqlite(dir)
        : BenchDatabase.postgres();
        Restock engine = RestockEngine.builder().store(db.factory()).build();
        Connection connection = db.connect(); Connection floorConnection = db.connect()) {
      FleetGenerator.Fleet fleet = FleetGenerator.generate(engine, 4, 20, 2);
      UUID routeId = fleet.routes().get(0).id();
      UUID actor = fleet.admin().id();
      ServiceOrder engineOrder = engine.as(Actor.user(actor)).serviceOrders()
          .create(CreateServiceOrder.forRoute(routeId));
      List<String> engineVisits = engineOrder.visits().stream()
          .map(v -> v.deviceName() + "/" + v.cabinetIndex() + "/" + v.cabinetId()).toList();
      Map<String, Integer> engineLines = new LinkedHashMap<>();
      for (Visit v : engineOrder.visits()) {
        for (OrderLine l : v.lines()) {
          engineLines.put(l.slotId().toString(), l.planned());
        }
      }
      // two machines of the route, two cabinets each; the generator leaves some slots at par
      assertThat(engineVisits).hasSize(4);
      assertThat(engineLines).isNotEmpty().hasSizeLessThan(4 * 40);

      List<String> prepared = new ArrayList<>();
      Baseline.Route read = Baseline.readRoute(sql -> {
        prepared.add(sql);
        return connection.prepareStatement(sql);
      }, routeId);
      assertThat(prepared).hasSize(2);
      assertThat(read.cabinets()).extracting(c -> c.deviceName() + "/" + c.index() + "/"
          + c.cabinetId()).containsExactlyElementsOf(engineVisits);
      Map<String, Integer> readLines = new LinkedHashMap<>();
      read.lines().forEach(l -> readLines.put(l.slotId(), l.units()));
      assertThat(readLines).isEqualTo(engineLines);

      Baseline baseline = new Baseline(connection);
      String baselineNumber = baseline.createOrder(routeId, actor);
      assertThat(baseline.statements).as("2 reads, the number, order, visits, lines")
          .isEqualTo(6);
      assertThat(linesOf(connection, baselineNumber)).isEqualTo(engineLines);

      Floor floor = Floor.on(db, floorConnection);
      Floor.Written written = floor.createOrder(routeId, actor);
      // 2 reads, the number, the revision, 6 tables of under 500 rows, audit_log, chain head
      assertThat(floor.statements).isEqualTo(12);
      assertThat(written.rows("service_order")).isEqualTo(1);
      assertThat(written.rows("service_visit")).isEqualTo(4);
      assertThat(written.rows("order_line")).isEqualTo(engineLines.size());
      assertThat(written.rows("order_line_aud")).isEqualTo(engineLines.size());
      assertThat(written.rows("device")).isEqualTo(2);
      String floorNumber = latestNumber(floorConnection);
      assertThat(floorNumber).isEqualTo(next(next(engineOrder.number())))
          .isEqualTo(next(baselineNumber));
      assertThat(linesOf(floorConnection, floorNumber)).isEqualTo(engineLines);
      assertThat(visitsOf(floorConnection, floorNumber)).containsExactlyElementsOf(engineVisits);
    }
  }

  /** The number after {@code number} in its series ({@code SO-2026-000002} after 1). */
  private static String next(String number) {
    int dash = number.lastIndexOf('-');
    return String.format("%s-%06d", number.substring(0, dash),
        Long.parseLong(number.substring(dash + 1)) + 1);
  }

  private static String latestNumber(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "select number from service_order order by number desc limit 1");
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).as("an order in service_order").isTrue();
      String number = rs.getString(1);
      c.commit();
      return number;
    }
  }

  /** The planned units by slot id of the order numbered {@code number}, as stored. */
  private static Map<String, Integer> linesOf(Connection c, String number) throws SQLException {
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (String[] row : rowsOf(c, "select l.slot_id, l.planned from order_line l"
        + " join service_visit v on v.id = l.visit_id join service_order o on o.id = v.order_id"
        + " where o.number = ?", number)) {
      lines.put(row[0], Integer.parseInt(row[1]));
    }
    return lines;
  }

  /** The visits of the order numbered {@code number} in sequence, as stored. */
  private static List<String> visitsOf(Connection c, String number) throws SQLException {
    return rowsOf(c, "select v.device_name, v.cabinet_index, v.cabinet_id from service_visit v"
        + " join service_order o on o.id = v.order_id where o.number = ? order by v.sequence_no",
        number).stream().map(row -> String.join("/", row)).toList();
  }

  /** The rows of a query bound to an order number, each as its columns' text. */
  private static List<String[]> rowsOf(Connection c, String sql, String number)
      throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, number);
      try (ResultSet rs = s.executeQuery()) {
        int width = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          String[] row = new String[width];
          for (int i = 0; i < width; i++) {
            row[i] = rs.getString(i + 1);
          }
          rows.add(row);
        }
      }
    }
    c.commit();
    return rows;
  }
}
