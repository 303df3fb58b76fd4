package dev.restock.jpa.crash;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.ChainVerification;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.serviceorder.VisitLinesEntity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What must hold in a SQLite database after any crash of a writer: it opens (migrations run),
 * {@code pragma quick_check} is ok, the history chain verifies, no order is half-written,
 * document numbers are gapless, warehouse stock equals receipts minus delivered, and every unit
 * of work the writer reported as committed is there. Each check returns problems, not booleans,
 * so that a failing run says what broke.
 */
final class CrashInvariants {
  private static final Set<String> DISPATCHED = Set.of("IN_PROGRESS", "COMPLETED");

  private CrashInvariants() {}

  /** Every invariant on {@code db}; an empty list when all hold. */
  static List<String> check(Path db, CrashFixture fixture, List<String> committed) {
    List<String> problems = new ArrayList<>(quickCheck(db));
    if (!problems.isEmpty()) {
      return problems;
    }
    problems.addAll(opensAndVerifies(db, fixture));
    try (Connection c = connect(db)) {
      problems.addAll(orders(c, fixture));
      problems.addAll(numbers(c));
      problems.addAll(stock(c));
      problems.addAll(slots(c));
      for (String line : committed) {
        problems.addAll(present(c, line));
      }
    } catch (SQLException e) {
      problems.add("cannot read " + db + ": " + e.getMessage());
    }
    return problems;
  }

  static Connection connect(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
  }

  /** {@code pragma quick_check}: empty when it answers ok. */
  static List<String> quickCheck(Path db) {
    try (Connection c = connect(db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("pragma quick_check")) {
      List<String> answers = new ArrayList<>();
      while (rs.next()) {
        answers.add(rs.getString(1));
      }
      return answers.equals(List.of("ok")) ? List.of()
          : List.of("quick_check of " + db.getFileName() + ": " + answers);
    } catch (SQLException e) {
      return List.of("quick_check of " + db.getFileName() + " failed: " + e.getMessage());
    }
  }

  /** The engine opens the database (migrating it if needed) and its history chain is intact. */
  static List<String> opensAndVerifies(Path db, CrashFixture fixture) {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db)).build()) {
      ChainVerification verification = engine.as(Actor.user(fixture.admin())).history().verify();
      return verification.intact() ? List.of()
          : List.of("history chain of " + db.getFileName() + " broken at revision "
              + verification.firstBroken().orElseThrow() + ": "
              + verification.problem().orElse("?"));
    } catch (RuntimeException e) {
      return List.of("the engine does not open " + db.getFileName() + ": " + e);
    }
  }

  /** Orders whole: all visits, lines with every visit, a delivery note matching each dispatch. */
  private static List<String> orders(Connection c, CrashFixture fixture) throws SQLException {
    List<String> problems = new ArrayList<>();
    Map<String, String> status = new HashMap<>();
    Map<String, String> noteOf = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select id, number, status, delivery_note_id from service_order")) {
      while (rs.next()) {
        status.put(rs.getString(1), rs.getString(3));
        noteOf.put(rs.getString(1), rs.getString(4));
      }
    }
    Map<String, Integer> visits = countBy(c, "select order_id, count(*) from service_visit "
        + "group by order_id");
    Map<String, Integer> openVisits = countBy(c, "select order_id, count(*) from service_visit "
        + "where status = 'PENDING' group by order_id");
    // every line the order was created with, as history recorded it in the same unit of work
    Map<String, Integer> lines = countBy(c, "select v.order_id, count(*) from order_line l "
        + "join service_visit v on v.id = l.visit_id group by v.order_id");
    // since schema version 7 history records a visit's lines as one document (issue 17)
    Map<String, Integer> createdLines = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v.order_id,"
        + " a.document from service_visit_lines_aud a join service_visit v on v.id = a.id"
        + " where a.revtype = 0")) {
      while (rs.next()) {
        createdLines.merge(rs.getString(1),
            VisitLinesEntity.parse(rs.getString(2)).size(), Integer::sum);
      }
    }
    Map<String, Map<String, Integer>> planned = sumBy(c, "select v.order_id, l.product_id, "
        + "sum(l.planned) from order_line l join service_visit v on v.id = l.visit_id "
        + "group by v.order_id, l.product_id");
    Map<String, Map<String, Integer>> noted = sumBy(c, "select n.order_id, l.product_id, "
        + "sum(l.quantity) from delivery_note_line l join delivery_note n on n.id = l.note_id "
        + "group by n.order_id, l.product_id");
    Map<String, String> noteByOrder = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select order_id, id from delivery_note")) {
      while (rs.next()) {
        noteByOrder.put(rs.getString(1), rs.getString(2));
      }
    }
    for (Map.Entry<String, String> order : status.entrySet()) {
      String id = order.getKey();
      String st = order.getValue();
      int v = visits.getOrDefault(id, 0);
      if (v != fixture.cabinets()) {
        problems.add("order " + id + " has " + v + " visits, expected " + fixture.cabinets());
      }
      if (!Objects.equals(lines.getOrDefault(id, 0), createdLines.getOrDefault(id, 0))) {
        problems.add("order " + id + " has " + lines.getOrDefault(id, 0) + " lines, history "
            + "recorded " + createdLines.getOrDefault(id, 0) + " at creation");
      }
      boolean dispatched = DISPATCHED.contains(st);
      if (dispatched != noteByOrder.containsKey(id)) {
        problems.add("order " + id + " is " + st + (dispatched ? " without" : " with")
            + " a delivery note");
      }
      if (dispatched && !Objects.equals(noteOf.get(id), noteByOrder.get(id))) {
        problems.add("order " + id + " points at delivery note " + noteOf.get(id)
            + ", the note of the order is " + noteByOrder.get(id));
      }
      if (dispatched
          && !planned.getOrDefault(id, Map.of()).equals(noted.getOrDefault(id, Map.of()))) {
        problems.add("order " + id + " planned " + planned.get(id) + " but its delivery note "
            + "lists " + noted.get(id));
      }
      int open = openVisits.getOrDefault(id, 0);
      if (st.equals("COMPLETED") && open > 0) {
        problems.add("order " + id + " is COMPLETED with " + open + " pending visits");
      }
      if (st.equals("IN_PROGRESS") && open == 0 && v > 0) {
        problems.add("order " + id + " is IN_PROGRESS with every visit done");
      }
      if (!dispatched && open != v) {
        problems.add("order " + id + " is " + st + " with visits already done");
      }
    }
    return problems;
  }

  /** SO- and DN- numbers of each year run 1..n without a gap, and the series stands at n. */
  private static List<String> numbers(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    Map<String, TreeSet<Integer>> bySeries = new TreeMap<>();
    for (String sql : List.of("select number from service_order",
        "select number from delivery_note")) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          String number = rs.getString(1);
          int dash = number.lastIndexOf('-');
          if (!bySeries.computeIfAbsent(number.substring(0, dash), k -> new TreeSet<>())
              .add(Integer.parseInt(number.substring(dash + 1)))) {
            problems.add("number " + number + " is used twice");
          }
        }
      }
    }
    Map<String, Integer> series = new TreeMap<>(
        countBy(c, "select series, last_value from number_series"));
    // other series (the administration lock) number nothing a document carries
    series.keySet().removeIf(name -> !name.startsWith("SO-") && !name.startsWith("DN-"));
    series.forEach((name, last) -> {
      if (last > 0 && !bySeries.containsKey(name)) {
        problems.add("series " + name + " stands at " + last + " but no number of it is used");
      }
    });
    for (Map.Entry<String, TreeSet<Integer>> e : bySeries.entrySet()) {
      TreeSet<Integer> used = e.getValue();
      if (used.first() != 1 || used.last() != used.size()) {
        TreeSet<Integer> missing = new TreeSet<>();
        for (int n = 1; n <= used.last(); n++) {
          if (!used.contains(n)) {
            missing.add(n);
          }
        }
        problems.add(e.getKey() + " numbers have gaps: missing " + missing);
      }
      if (!Objects.equals(series.get(e.getKey()), used.last())) {
        problems.add("series " + e.getKey() + " stands at " + series.get(e.getKey())
            + " but the highest number used is " + used.last());
      }
    }
    return problems;
  }

  /** On hand = what the receipts brought in − what delivery notes took out, per product. */
  private static List<String> stock(Connection c) throws SQLException {
    Map<String, Integer> expected = new TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select r.reason, l.resource_id from audit_revision r join audit_log l "
            + "on l.revision_id = r.id where r.action = 'stock.receive'")) {
      while (rs.next()) {
        expected.merge(rs.getString(2), CrashFixture.receiptUnits(rs.getString(1)), Integer::sum);
      }
    }
    countBy(c, "select product_id, sum(quantity) from delivery_note_line group by product_id")
        .forEach((product, delivered) -> expected.merge(product, -delivered, Integer::sum));
    Map<String, Integer> onHand = new TreeMap<>(
        countBy(c, "select id, on_hand from stock_level"));
    expected.values().removeIf(units -> units == 0);
    onHand.values().removeIf(units -> units == 0);
    return expected.equals(onHand) ? List.of()
        : List.of("stock on hand " + onHand + " is not receipts - delivered " + expected);
  }

  private static List<String> slots(Connection c) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select id, quantity, capacity from slot where quantity < 0 or quantity > capacity")) {
      while (rs.next()) {
        problems.add("slot " + rs.getString(1) + " holds " + rs.getInt(2) + " of capacity "
            + rs.getInt(3));
      }
    }
    return problems;
  }

  /** The unit a {@code C ...} line reported is in the database. */
  static List<String> present(Connection c, String line) throws SQLException {
    String[] f = line.split(" ");
    boolean found = switch (f[1]) {
      case "sale" -> exists(c, "select 1 from sale where id = ?", f[2]);
      case "order.create" -> exists(c, "select 1 from service_order o where o.id = ? "
          + "and o.number = ? and (select count(*) from service_visit v where v.order_id = o.id) "
          + "= ? and (select count(*) from order_line l join service_visit v on v.id = l.visit_id "
          + "where v.order_id = o.id) = ?", f[2], f[3], Integer.parseInt(f[4]),
          Integer.parseInt(f[5]));
      case "order.assign" -> exists(c, "select 1 from service_order where id = ? and "
          + "status in ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED') and driver_id is not null", f[2]);
      case "order.dispatch" -> exists(c, "select 1 from delivery_note where order_id = ? "
          + "and number = ?", f[2], f[3]);
      case "visit.complete" -> exists(c, "select 1 from service_visit where order_id = ? "
          + "and id = ? and status = 'COMPLETED'", f[2], f[3]);
      case "stock.receive" -> exists(c, "select 1 from audit_revision r join audit_log l on "
          + "l.revision_id = r.id where r.action = 'stock.receive' and l.resource_id = ? "
          + "and r.reason = ?", f[2], CrashFixture.receiptReason(f[4], Integer.parseInt(f[3])));
      case "product.create" -> exists(c, "select 1 from product where id = ?", f[2]);
      case "product.update" -> exists(c, "select 1 from product_aud where id = ? and name = ?",
          f[2], f[3]);
      case "product.delete" -> exists(c, "select 1 from product where id = ? "
          + "and deleted_at is not null", f[2]);
      default -> true;
    };
    return found ? List.of() : List.of("committed work lost: " + line);
  }

  private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Map<String, Integer> countBy(Connection c, String sql) throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }

  private static Map<String, Map<String, Integer>> sumBy(Connection c, String sql)
      throws SQLException {
    Map<String, Map<String, Integer>> sums = new HashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(rs.getString(2), rs.getInt(3));
      }
    }
    return sums;
  }
}
