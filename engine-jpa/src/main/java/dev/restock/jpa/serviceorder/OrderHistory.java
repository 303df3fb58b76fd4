package dev.restock.jpa.serviceorder;

import dev.restock.api.stability.Internal;
import dev.restock.api.serviceorder.OrderLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * A service order as history shows it at given revisions: the order's own fields, one entry per
 * visit and one per line, so that a revision's diff names the visit or line that changed.
 *
 * <p>Three reads whatever the number of revisions, visits or lines: the visits' audit rows, the
 * visits' lines documents ({@link VisitLinesEntity}) and, for revisions written before schema
 * version 7, the per-line audit rows of {@code order_line_aud}. A visit's lines at a revision are
 * its latest document at or before it; a visit without one (an order created before version 7
 * and not changed since) takes its lines' own audit rows.
 */
@Internal(since = "0.2")
public final class OrderHistory {
  private OrderHistory() {}

  /** One audit row, whatever it holds, at its revision. */
  private record Row<T>(long rev, boolean deleted, T value) {}

  /** A visit's key and value as history shows them. */
  private record VisitState(String key, String value) {}

  /**
   * The states of order {@code orderId} at each of {@code revisions}, given the order's own
   * audited fields at each ({@code orderStates}, in the same order).
   *
   * @param crypto opens the visits' sealed notes
   * @param revisionId the number of a revision entity as Envers returns it (the audit package
   *     owns the revision entity; this package does not depend on it)
   */
  public static List<Map<String, String>> states(Session session, UUID orderId,
      List<Long> revisions, List<Map<String, String>> orderStates,
      java.util.function.ToLongFunction<Object> revisionId,
      dev.restock.jpa.crypto.FieldCrypto crypto) {
    if (revisions.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Row<VisitState>>> visits = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> visitRows = AuditReaderFactory.get(session).createQuery()
        .forRevisionsOfEntity(VisitEntity.class, false, true)
        .add(AuditEntity.relatedId("order").eq(orderId))
        .addOrder(AuditEntity.revisionNumber().asc())
        .getResultList();
    for (Object[] row : visitRows) {
      VisitEntity visit = (VisitEntity) row[0];
      visits.computeIfAbsent(visit.getId(), k -> new ArrayList<>()).add(new Row<>(
          revisionId.applyAsLong(row[1]), row[2] == RevisionType.DEL,
          new VisitState(visit.historyKey(), visit.historyValue(crypto))));
    }
    Map<UUID, List<Row<String>>> documents = new HashMap<>();
    Map<UUID, Map<UUID, List<Row<OrderLine>>>> legacyLines = new HashMap<>();
    session.doWork(c -> {
      readDocuments(c, orderId, documents);
      readLegacyLines(c, orderId, legacyLines);
    });

    List<Map<String, String>> states = new ArrayList<>(revisions.size());
    for (int i = 0; i < revisions.size(); i++) {
      long rev = revisions.get(i);
      Map<String, String> state = new TreeMap<>(orderStates.get(i));
      for (Map.Entry<UUID, List<Row<VisitState>>> visit : visits.entrySet()) {
        Row<VisitState> v = latest(visit.getValue(), rev);
        if (v == null || v.deleted()) {
          continue;
        }
        String key = v.value().key();
        state.put("visit[" + key + "]", v.value().value());
        for (OrderLine line : linesAt(visit.getKey(), rev, documents, legacyLines)) {
          state.put("line[" + key + "/" + line.position() + "]", "product=" + line.productId()
              + ", planned=" + line.planned()
              + (line.delivered() == null ? "" : ", delivered=" + line.delivered()));
        }
      }
      states.add(state);
    }
    return states;
  }

  private static List<OrderLine> linesAt(UUID visit, long rev,
      Map<UUID, List<Row<String>>> documents,
      Map<UUID, Map<UUID, List<Row<OrderLine>>>> legacyLines) {
    Row<String> document = latest(documents.getOrDefault(visit, List.of()), rev);
    if (document != null) {
      return document.deleted() ? List.of() : VisitLinesEntity.parse(document.value());
    }
    List<OrderLine> lines = new ArrayList<>();
    for (List<Row<OrderLine>> line : legacyLines.getOrDefault(visit, Map.of()).values()) {
      Row<OrderLine> l = latest(line, rev);
      if (l != null && !l.deleted()) {
        lines.add(l.value());
      }
    }
    return lines;
  }

  /** The last row at or before {@code rev} of rows in revision order, or null. */
  private static <T> Row<T> latest(List<Row<T>> rows, long rev) {
    Row<T> found = null;
    for (Row<T> row : rows) {
      if (row.rev() > rev) {
        break;
      }
      found = row;
    }
    return found;
  }

  private static void readDocuments(Connection c, UUID orderId,
      Map<UUID, List<Row<String>>> into) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select d.id, d.rev, d.revtype, d.document"
        + " from service_visit_lines_aud d where d.id in (select v.id from service_visit v"
        + " where v.order_id = ?) order by d.rev")) {
      p.setString(1, orderId.toString());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          into.computeIfAbsent(UUID.fromString(r.getString(1)), k -> new ArrayList<>())
              .add(new Row<>(r.getLong(2), r.getInt(3) == RevisionType.DEL.getRepresentation(),
                  r.getString(4)));
        }
      }
    }
  }

  /** Per-line audit rows, written for orders before schema version 7. */
  private static void readLegacyLines(Connection c, UUID orderId,
      Map<UUID, Map<UUID, List<Row<OrderLine>>>> into) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select l.visit_id, l.id, l.rev, l.revtype,"
        + " l.slot_id, l.position, l.product_id, l.planned, l.delivered from order_line_aud l"
        + " where l.visit_id in (select v.id from service_visit v where v.order_id = ?)"
        + " order by l.rev")) {
      p.setString(1, orderId.toString());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          UUID id = UUID.fromString(r.getString(2));
          boolean deleted = r.getInt(4) == RevisionType.DEL.getRepresentation();
          int planned = r.getInt(8);
          int delivered = r.getInt(9);
          Integer deliveredOrNull = r.wasNull() ? null : delivered;
          OrderLine line = deleted ? null : new OrderLine(id, UUID.fromString(r.getString(5)),
              r.getString(6), UUID.fromString(r.getString(7)), planned, deliveredOrNull);
          into.computeIfAbsent(UUID.fromString(r.getString(1)), k -> new LinkedHashMap<>())
              .computeIfAbsent(id, k -> new ArrayList<>())
              .add(new Row<>(r.getLong(3), deleted, line));
        }
      }
    }
  }
}
