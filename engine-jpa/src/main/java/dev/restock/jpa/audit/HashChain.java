package dev.restock.jpa.audit;

import dev.restock.api.audit.ChainVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Tamper evidence for history: every revision is chained to the one committed before it by a
 * SHA-256 hash over the revision's own columns, every audit row it wrote, its audit-log events and
 * the previous revision's hash.
 *
 * <p>Sealing runs at commit, after Envers wrote the revision, under a lock on the single chain
 * head row (SQLite write transactions are serial already), so chain order is commit order even
 * with concurrent writers. Verification recomputes every hash and reports the first revision
 * whose data, audit rows or events were altered or removed.
 *
 * <p>Table names come from the mapping, never from input; values are bound parameters.
 */
final class HashChain {
  static final String GENESIS = "0".repeat(64);
  private static final String REVISION_COLUMNS =
      "id, revision_time, actor_id, action, reason, client_address, user_agent, correlation_id";

  private HashChain() {}

  /** Chains the revision written by this unit of work; call after its audit rows are written. */
  static void seal(Session session, RevisionEntity revision, Collection<String> auditTables) {
    // these statements bypass Hibernate; count them in its statistics so that statement counts
    // (benchmarks, OrderStatementCountTest) include the cost of the chain
    Runnable counted = statementCounter(session);
    session.doWork(connection -> {
      // head, revision, one per audit table written, audit log, two updates
      for (int i = 0; i < auditTables.size() + 5; i++) {
        counted.run();
      }
      boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase()
          .contains("sqlite");
      long seq;
      String previous;
      try (Statement s = connection.createStatement();
          ResultSet head = s.executeQuery("select seq, hash from audit_chain_head where id = 1"
              + (sqlite ? "" : " for update"))) {
        if (!head.next()) {
          throw new IllegalStateException("audit_chain_head has no row; the schema is damaged");
        }
        seq = head.getLong(1) + 1;
        previous = head.getString(2);
      }
      long id = revision.getId();
      String hash = hash(revisionText(connection, id), rows(connection, auditTables, id),
          previous);
      try (PreparedStatement u = connection.prepareStatement(
          "update audit_revision set chain_seq = ?, prev_hash = ?, hash = ? where id = ?")) {
        u.setLong(1, seq);
        u.setString(2, previous);
        u.setString(3, hash);
        u.setLong(4, id);
        u.executeUpdate();
      }
      try (PreparedStatement u = connection.prepareStatement(
          "update audit_chain_head set seq = ?, hash = ? where id = 1")) {
        u.setLong(1, seq);
        u.setString(2, hash);
        u.executeUpdate();
      }
    });
  }

  /** Walks the whole chain in commit order. */
  static ChainVerification verify(Session session, Collection<String> auditTables) {
    return session.doReturningWork(connection -> {
      Map<Long, List<String>> rowsByRevision = new HashMap<>();
      for (String table : new TreeSet<>(auditTables)) {
        collect(connection, "select * from " + table, "rev", "T " + table, rowsByRevision);
      }
      collect(connection, "select * from audit_log", "revision_id", "L audit_log",
          rowsByRevision);
      long unchained;
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery(
              "select count(*) from audit_revision where chain_seq is null")) {
        r.next();
        unchained = r.getLong(1);
      }
      long checked = 0;
      long expectedSeq = 1;
      String previous = GENESIS;
      try (Statement s = connection.createStatement();
          ResultSet r = s.executeQuery("select " + REVISION_COLUMNS + ", chain_seq, prev_hash,"
              + " hash from audit_revision where chain_seq is not null order by chain_seq")) {
        while (r.next()) {
          long id = r.getLong(1);
          long seq = r.getLong(9);
          if (seq != expectedSeq) {
            return broken(checked, unchained, id, "revisions at chain positions " + expectedSeq
                + ".." + (seq - 1) + " before it were removed");
          }
          if (!previous.equals(r.getString(10))) {
            return broken(checked, unchained, id, "its link to the previous revision was altered");
          }
          String text = revisionText(r);
          List<String> rows = rowsByRevision.getOrDefault(id, List.of());
          if (!hash(text, rows, previous).equals(r.getString(11))) {
            return broken(checked, unchained, id,
                "its data, the audit rows it wrote or its audit events were altered or removed");
          }
          previous = r.getString(11);
          expectedSeq++;
          checked++;
        }
      }
      try (Statement s = connection.createStatement();
          ResultSet head = s.executeQuery("select seq, hash from audit_chain_head where id = 1")) {
        if (head.next() && head.getLong(1) != expectedSeq - 1) {
          return new ChainVerification(checked, unchained, Optional.of(expectedSeq - 1),
              Optional.of("the chain head records " + head.getLong(1) + " revisions but only "
                  + (expectedSeq - 1) + " remain: the latest revisions were removed"));
        }
      }
      return new ChainVerification(checked, unchained, Optional.empty(), Optional.empty());
    });
  }

  private static Runnable statementCounter(Session session) {
    var statistics = ((org.hibernate.engine.spi.SessionFactoryImplementor)
        session.getSessionFactory()).getStatistics();
    return statistics.isStatisticsEnabled() ? statistics::prepareStatement : () -> { };
  }

  private static ChainVerification broken(long checked, long unchained, long id, String problem) {
    return new ChainVerification(checked, unchained, Optional.of(id),
        Optional.of("revision " + id + ": " + problem));
  }

  private static String revisionText(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "select " + REVISION_COLUMNS + " from audit_revision where id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw new IllegalStateException("revision " + id + " was not written");
        }
        return revisionText(r);
      }
    }
  }

  private static String revisionText(ResultSet r) throws SQLException {
    StringBuilder text = new StringBuilder("R");
    for (int i = 1; i <= 8; i++) {
      text.append('|').append(value(r.getString(i)));
    }
    return text.toString();
  }

  private static List<String> rows(Connection c, Collection<String> tables, long id)
      throws SQLException {
    Map<Long, List<String>> rows = new HashMap<>();
    for (String table : new TreeSet<>(tables)) {
      collectOne(c, "select * from " + table + " where rev = ?", "rev", "T " + table, id, rows);
    }
    collectOne(c, "select * from audit_log where revision_id = ?", "revision_id", "L audit_log",
        id, rows);
    return rows.getOrDefault(id, List.of());
  }

  private static void collectOne(Connection c, String sql, String revColumn, String tag, long id,
      Map<Long, List<String>> into) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        render(r, revColumn, tag, into);
      }
    }
  }

  private static void collect(Connection c, String sql, String revColumn, String tag,
      Map<Long, List<String>> into) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      render(r, revColumn, tag, into);
    }
  }

  /** One line per row: tag, then every column as name=value in name order. */
  private static void render(ResultSet r, String revColumn, String tag,
      Map<Long, List<String>> into) throws SQLException {
    ResultSetMetaData meta = r.getMetaData();
    List<Integer> order = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i).toLowerCase());
      order.add(i);
    }
    order.sort((a, b) -> names.get(a - 1).compareTo(names.get(b - 1)));
    int revIndex = names.indexOf(revColumn) + 1;
    while (r.next()) {
      StringBuilder line = new StringBuilder(tag);
      for (int i : order) {
        line.append('|').append(names.get(i - 1)).append('=').append(value(r.getString(i)));
      }
      into.computeIfAbsent(r.getLong(revIndex), k -> new ArrayList<>()).add(line.toString());
    }
  }

  private static String value(String v) {
    return v == null ? "-" : v.length() + ":" + v;
  }

  private static String hash(String revision, List<String> rows, String previous) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(revision.getBytes(StandardCharsets.UTF_8));
      for (String row : new TreeSet<>(rows)) {
        digest.update((byte) '\n');
        digest.update(row.getBytes(StandardCharsets.UTF_8));
      }
      digest.update(("\nP|" + previous).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
