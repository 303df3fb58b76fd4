package dev.restock.jpa.audit;

import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.jpa.crypto.FieldCrypto;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.hibernate.Session;

/**
 * Tamper evidence for history: every revision is chained to the one committed before it by a
 * SHA-256 hash over the revision's content (its own columns, every audit row it wrote, its
 * audit-log events) and the previous revision's hash; the first links to the genesis recorded in
 * the chain head.
 *
 * <p>Sealing runs at commit, after Envers wrote the revision: it reads the revision's content
 * first, then locks the single chain head row (SQLite write transactions are serial already) for
 * the last three statements before commit, so chain order is commit order even with concurrent
 * writers. Verification walks the chain a page of revisions at a time and reads their audit rows
 * through one cursor per table ordered by revision, so it holds the rows of one revision at a
 * time: its memory grows neither with history nor with the size of a page's revisions, only with
 * the largest single revision. The structural checks (unchained revisions after the genesis,
 * orphan audit rows and events, the head, stored checkpoints, live rows without history) are
 * anti-join queries.
 *
 * <p>Table and column names come from the mapping and the database's own metadata, never from
 * input; values are bound parameters.
 */
final class HashChain {
  private static final String REVISION_COLUMNS =
      "id, revision_time, actor_id, action, reason, client_address, user_agent, correlation_id";
  /** Revisions per page: bounds memory and keeps every IN list far below driver limits. */
  static final int PAGE = 200;
  /** Problems listed in full; beyond this verification only counts them. */
  static final int MAX_PROBLEMS = 500;

  private HashChain() {}

  /** The head row as recorded. */
  static ChainHead head(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
        "select genesis, genesis_after_revision, seq, hash from audit_chain_head where id = 1")) {
      if (!r.next()) {
        throw new IllegalStateException("audit_chain_head has no row; the schema is damaged");
      }
      return new ChainHead(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4));
    }
  }

  /** Chains the revision written by this unit of work; call after its audit rows are written. */
  static void seal(Session session, RevisionEntity revision, Collection<String> auditTables) {
    // these statements bypass Hibernate; count them in its statistics so that statement counts
    // (benchmarks, OrderStatementCountTest) include the cost of the chain
    Runnable counted = statementCounter(session);
    session.doWork(connection -> {
      // revision, one per audit table written, audit log, head, two updates
      for (int i = 0; i < auditTables.size() + 5; i++) {
        counted.run();
      }
      seal(connection, revision.getId(), auditTables);
    });
  }

  /**
   * Chains revision {@code id}, whose audit rows in {@code auditTables} and audit events are
   * written, in the connection's open transaction. The revision's content is read before the
   * chain head is locked: nobody else writes it, and on PostgreSQL the head lock is then held only
   * for the three short statements before commit, not while the rows are read back.
   */
  static void seal(Connection connection, long id, Collection<String> auditTables)
      throws SQLException {
    String content = content(revisionText(connection, id),
        rows(connection, auditTables, List.of(id)).getOrDefault(id, List.of()));
    String forUpdate = StoreDialect.ofProductName(
        connection.getMetaData().getDatabaseProductName()).forUpdateClause();
    long seq;
    String previous;
    try (Statement s = connection.createStatement();
        ResultSet head = s.executeQuery("select seq, hash, genesis from audit_chain_head"
            + " where id = 1" + forUpdate)) {
      if (!head.next()) {
        throw new IllegalStateException("audit_chain_head has no row; the schema is damaged");
      }
      seq = head.getLong(1) + 1;
      // the first revision links to the recorded genesis whatever the head's hash says
      previous = seq == 1 ? head.getString(3) : head.getString(2);
    }
    String hash = hash(content, previous);
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
  }

  /** One revision row of the chain, as recorded. */
  private record Link(long seq, long id, String text, String previousHash, String hash) {}

  /** Hands chained revisions {@code fromSeq..toSeq} to {@code each}, a page at a time. */
  static void chained(Connection c, Collection<String> auditTables, long fromSeq, long toSeq,
      Consumer<ChainedRevision> each) throws SQLException {
    chained(c, auditTables, fromSeq, toSeq, each, held -> { });
  }

  /**
   * As above; {@code rowsHeld} hears how many audit rows are held in memory after each revision
   * is read (the rows of revisions read but not yet handed over), so tests can see the bound.
   */
  static void chained(Connection c, Collection<String> auditTables, long fromSeq, long toSeq,
      Consumer<ChainedRevision> each, LongConsumer rowsHeld) throws SQLException {
    long after = Math.max(fromSeq, 1) - 1;
    while (after < toSeq) {
      List<Link> page = page(c, after, toSeq);
      if (page.isEmpty()) {
        return;
      }
      // contents arrive in revision id order, which is chain order unless commits overtook each
      // other; the few that arrive early wait here until the chain reaches them
      Map<Long, ChainedRevision> waiting = new HashMap<>();
      Map<Long, Integer> waitingRows = new HashMap<>();
      long[] held = {0};
      int[] next = {0};
      contents(c, auditTables, page, (link, content, rows) -> {
        waiting.put(link.seq(), new ChainedRevision(link.seq(), link.id(), content,
            link.previousHash(), link.hash()));
        waitingRows.put(link.seq(), rows);
        held[0] += rows;
        rowsHeld.accept(held[0]);
        while (next[0] < page.size() && waiting.containsKey(page.get(next[0]).seq())) {
          long seq = page.get(next[0]++).seq();
          each.accept(waiting.remove(seq));
          held[0] -= waitingRows.remove(seq);
        }
      });
      after = page.get(page.size() - 1).seq();
    }
  }

  /** Chained revisions with {@code after < seq <= upTo}, at most a page, in chain order. */
  private static List<Link> page(Connection c, long after, long upTo) throws SQLException {
    List<Link> page = new ArrayList<>(PAGE);
    try (PreparedStatement p = c.prepareStatement("select " + REVISION_COLUMNS + ", chain_seq,"
        + " prev_hash, hash from audit_revision where chain_seq > ? and chain_seq <= ?"
        + " order by chain_seq")) {
      p.setMaxRows(PAGE);
      p.setLong(1, after);
      p.setLong(2, upTo);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          page.add(new Link(r.getLong(9), r.getLong(1), revisionText(r), r.getString(10),
              r.getString(11)));
        }
      }
    }
    return page;
  }

  /** Problems found so far, the first ones in full, the rest counted. */
  private static final class Problems {
    private final List<String> texts = new ArrayList<>();
    private Long firstRevision;
    private long more;

    void add(long revision, String text) {
      if (firstRevision == null) {
        firstRevision = revision;
      }
      if (texts.size() < MAX_PROBLEMS) {
        texts.add(text);
      } else {
        more++;
      }
    }

    ChainVerification result(long checked, long unchained) {
      if (firstRevision == null) {
        return new ChainVerification(checked, unchained, Optional.empty(), Optional.empty(),
            List.of());
      }
      List<String> all = new ArrayList<>(texts);
      if (more > 0) {
        all.add("... and " + more + " more problems");
      }
      return new ChainVerification(checked, unchained, Optional.of(firstRevision),
          Optional.of(all.get(0)), all);
    }
  }

  /**
   * Verifies the chain, recomputing hashes only after chain position {@code afterSeq} (0: all),
   * where the revision must carry {@code hashAtSeq}; every structural check covers all history.
   *
   * @param liveTables audited live tables by name, each with its audit table
   */
  static ChainVerification verify(Connection c, Collection<String> auditTables,
      Map<String, String> liveTables, long afterSeq, String hashAtSeq) throws SQLException {
    return verify(c, auditTables, liveTables, afterSeq, hashAtSeq, held -> { });
  }

  /** As above; {@code rowsHeld} hears how many audit rows are in memory after each revision. */
  static ChainVerification verify(Connection c, Collection<String> auditTables,
      Map<String, String> liveTables, long afterSeq, String hashAtSeq, LongConsumer rowsHeld)
      throws SQLException {
    Problems problems = new Problems();
    ChainHead head = head(c);

    // an unchained revision after the genesis is a forgery or a chain whose fields were cleared
    try (PreparedStatement p = c.prepareStatement("select id from audit_revision"
        + " where chain_seq is null and id > ? order by id")) {
      p.setLong(1, head.genesisAfterRevision());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long id = r.getLong(1);
          problems.add(id, "revision " + id + " is not chained, though every revision after "
              + (head.genesisAfterRevision() == 0 ? "the genesis"
                  : "revision " + head.genesisAfterRevision() + " (the genesis)")
              + " must be: it was forged or its chain fields were cleared");
        }
      }
    }
    long unchained;
    try (PreparedStatement p = c.prepareStatement("select count(*) from audit_revision"
        + " where chain_seq is null and id <= ?")) {
      p.setLong(1, head.genesisAfterRevision());
      try (ResultSet r = p.executeQuery()) {
        r.next();
        unchained = r.getLong(1);
      }
    }

    long checked = 0;
    long expected = 1;
    long lastId = 0;
    String previous = head.genesis();
    long after = 0;
    while (true) {
      List<Link> page = page(c, after, Long.MAX_VALUE);
      if (page.isEmpty()) {
        break;
      }
      List<Link> recompute = page.stream().filter(l -> l.seq() > afterSeq).toList();
      Set<Long> altered = new HashSet<>();
      if (!recompute.isEmpty()) {
        contents(c, auditTables, recompute, (link, content, rows) -> {
          rowsHeld.accept(rows);
          if (!hash(content, link.previousHash()).equals(link.hash())) {
            altered.add(link.id());
          }
        });
      }
      for (Link link : page) {
        if (link.seq() != expected) {
          problems.add(link.id(), "revision " + link.id() + ": chain position" + (link.seq()
              == expected + 1 ? " " + expected + " is" : "s " + expected + ".." + (link.seq() - 1)
              + " are") + " missing before it: revisions were removed");
        } else if (!previous.equals(link.previousHash())) {
          problems.add(link.id(), "revision " + link.id() + ": its link to the previous "
              + "revision was altered (records " + link.previousHash() + ", expected " + previous
              + ")");
        }
        if (link.seq() > afterSeq) {
          checked++;
          if (altered.contains(link.id())) {
            problems.add(link.id(), "revision " + link.id() + ": its data, the audit rows it "
                + "wrote or its audit events were altered or removed");
          }
        } else if (link.seq() == afterSeq && !link.hash().equals(hashAtSeq)) {
          problems.add(link.id(), "revision " + link.id() + " at chain position " + afterSeq
              + " holds hash " + link.hash() + " but the verified checkpoint records "
              + hashAtSeq);
        }
        previous = link.hash();
        expected = link.seq() + 1;
        lastId = link.id();
      }
      after = page.get(page.size() - 1).seq();
    }
    long size = expected - 1;
    if (afterSeq > size) {
      problems.add(lastId, "the chain ends at position " + size + ", before the verified "
          + "checkpoint's position " + afterSeq + ": the latest revisions were removed");
    }

    // the head must point exactly at the last revision: deleting the newest revisions and moving
    // the head back shows here unless its hash was moved too (then only checkpoints tell)
    if (head.size() != size) {
      problems.add(lastId, "the chain head records " + head.size() + " revisions but the chain "
          + "ends at position " + size + (head.size() > size
              ? ": the latest revisions were removed" : ": the head was moved back"));
    }
    if (!head.hash().equals(previous)) {
      problems.add(lastId, "the chain head's hash " + head.hash() + " disagrees with "
          + (size == 0 ? "the genesis " : "the hash of revision " + lastId + " at position "
              + size + ", ") + previous + ": the head or the newest revisions were replaced");
    }

    checkpoints(c, head, size, lastId, problems);
    orphans(c, auditTables, problems);
    withoutHistory(c, liveTables, problems);
    erasuresWithoutRevision(c, problems);
    return problems.result(checked, unchained);
  }

  /** Stored checkpoints must agree with the chain: same genesis, same hash at their size. */
  private static void checkpoints(Connection c, ChainHead head, long size, long lastId,
      Problems problems) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select genesis,"
        + " tree_size, chain_hash, checkpoint_time from audit_checkpoint order by tree_size, id");
        PreparedStatement at = c.prepareStatement(
            "select id, hash from audit_revision where chain_seq = ?")) {
      while (r.next()) {
        String genesis = r.getString(1);
        long treeSize = r.getLong(2);
        String hash = r.getString(3);
        String which = "checkpoint at size " + treeSize + " (" + r.getString(4) + ")";
        if (!genesis.equals(head.genesis())) {
          problems.add(lastId, which + " was made on a chain with genesis " + genesis
              + " but the head records genesis " + head.genesis()
              + ": the chain was restarted");
        } else if (treeSize > size) {
          problems.add(lastId, which + " records hash " + hash + " but the chain has only "
              + size + " revisions: revisions were removed");
        } else if (treeSize == 0) {
          if (!hash.equals(head.genesis())) {
            problems.add(0, which + " records hash " + hash + ", not the genesis");
          }
        } else {
          at.setLong(1, treeSize);
          try (ResultSet rev = at.executeQuery()) {
            if (!rev.next()) {
              problems.add(lastId, which + " records hash " + hash + " but no revision is at "
                  + "position " + treeSize + ": it was removed");
            } else if (!hash.equals(rev.getString(2))) {
              problems.add(rev.getLong(1), which + " records hash " + hash + ", revision "
                  + rev.getLong(1) + " at position " + treeSize + " has " + rev.getString(2)
                  + ": the chain was rewritten");
            }
          }
        }
      }
    }
  }

  /** Audit rows and audit events whose revision does not exist. */
  private static void orphans(Connection c, Collection<String> auditTables, Problems problems)
      throws SQLException {
    for (String table : new TreeSet<>(auditTables)) {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select a.rev,"
          + " count(*) from " + table + " a where not exists (select 1 from audit_revision v"
          + " where v.id = a.rev) group by a.rev order by a.rev")) {
        while (r.next()) {
          problems.add(r.getLong(1), r.getLong(2) + " audit rows of " + table
              + " belong to revision " + r.getLong(1) + ", which does not exist: it was removed"
              + " or the rows were forged");
        }
      }
    }
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select l.id,"
        + " l.revision_id from audit_log l where not exists (select 1 from audit_revision v"
        + " where v.id = l.revision_id) order by l.id")) {
      while (r.next()) {
        problems.add(r.getLong(2), "audit event " + r.getLong(1) + " points at revision "
            + r.getLong(2) + ", which does not exist: it was removed or the event was forged");
      }
    }
  }

  /** Live rows of audited tables that have no audit row at all: their history was wiped. */
  private static void withoutHistory(Connection c, Map<String, String> liveTables,
      Problems problems) throws SQLException {
    for (Map.Entry<String, String> e : liveTables.entrySet()) {
      String live = e.getKey();
      boolean softDeleted = columns(c, live).contains("deleted_at");
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*)"
          + " from " + live + " l where " + (softDeleted ? "l.deleted_at is null and " : "")
          + "not exists (select 1 from " + e.getValue() + " a where a.id = l.id)")) {
        r.next();
        if (r.getLong(1) > 0) {
          problems.add(0, r.getLong(1) + " live " + live + " rows have no history at all: "
              + "their history was wiped or they were inserted behind the engine's back");
        }
      }
    }
  }

  /**
   * Users recorded as erased ({@code erased_subject}, which is not chained) without a chained
   * audit event of action {@code user.erase} about them: someone who can write every table could
   * otherwise make a user look erased by inserting the row and deleting the user's data keys.
   * The event is matched, not its revision's action: an erasure inside a unit of work, a host
   * transaction or a store-port call sits in a revision named after something else. One
   * anti-join driven from {@code erased_subject}, through the audit log's resource index, as
   * this runs on every checkpoint and restore.
   */
  private static void erasuresWithoutRevision(Connection c, Problems problems)
      throws SQLException {
    if (!hasTable(c, "erased_subject")) {
      return; // a schema before version 8 (verified without migrating) has no erasures
    }
    // substr, not like: like is case-insensitive on SQLite
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select e.subject"
        + " from erased_subject e where substr(e.subject, 1, 5) = 'user:' and not exists"
        + " (select 1 from audit_log l join audit_revision v on v.id = l.revision_id"
        + " where l.resource_type = 'user' and l.resource_id = substr(e.subject, 6)"
        + " and l.action = 'user.erase' and v.chain_seq is not null) order by e.subject")) {
      while (r.next()) {
        String subject = r.getString(1);
        String user = subject.substring("user:".length());
        problems.add(0, subject + " is recorded as erased (erased_subject), but no chained "
            + "audit event 'user.erase' is about user " + user + ": the erasure was faked "
            + "behind the engine's back, or made through the store port without its audit "
            + "event, or its revision was removed");
      }
    }
  }

  /** Whether the connection's schema holds {@code table} (in lower or upper case). */
  private static boolean hasTable(Connection c, String table) throws SQLException {
    java.sql.DatabaseMetaData meta = c.getMetaData();
    for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet r = meta.getTables(null, c.getSchema(), name, new String[] {"TABLE"})) {
        if (r.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Column names of a table, lower case, in table order. */
  static List<String> columns(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData meta = r.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnLabel(i).toLowerCase());
      }
      return names;
    }
  }

  private static Runnable statementCounter(Session session) {
    var statistics = ((org.hibernate.engine.spi.SessionFactoryImplementor)
        session.getSessionFactory()).getStatistics();
    return statistics.isStatisticsEnabled() ? statistics::prepareStatement : () -> { };
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
      text.append('|').append(value("", r.getString(i)));
    }
    return text.toString();
  }

  /** Receives one revision's content, with the number of audit rows and events in it. */
  private interface ContentSink {
    void accept(Link link, String content, int rows) throws SQLException;
  }

  /**
   * Computes the content of each of {@code links} and hands it to {@code sink} in revision id
   * order. Each audit table (and the audit log) is read through one cursor ordered by revision,
   * all open side by side, so memory holds the rows of one revision at a time however many the
   * page holds; only a single revision's own rows are unbounded, as the hash covers them sorted.
   */
  private static void contents(Connection c, Collection<String> tables, List<Link> links,
      ContentSink sink) throws SQLException {
    List<Link> byId = new ArrayList<>(links);
    byId.sort(Comparator.comparingLong(Link::id));
    List<Long> ids = byId.stream().map(Link::id).toList();
    List<RowCursor> cursors = new ArrayList<>();
    try {
      for (String table : new TreeSet<>(tables)) {
        cursors.add(new RowCursor(c, "select * from " + table, ids, "rev", "T " + table));
      }
      cursors.add(new RowCursor(c, "select * from audit_log", ids, "revision_id",
          "L audit_log"));
      for (Link link : byId) {
        List<String> rows = new ArrayList<>();
        for (RowCursor cursor : cursors) {
          cursor.take(link.id(), rows);
        }
        sink.accept(link, content(link.text(), rows), rows.size());
      }
    } finally {
      SQLException failed = null;
      for (RowCursor cursor : cursors) {
        try {
          cursor.close();
        } catch (SQLException e) {
          if (failed == null) {
            failed = e;
          } else {
            failed.addSuppressed(e);
          }
        }
      }
      if (failed != null) {
        throw failed;
      }
    }
  }

  /** The rows of one table for some revisions, read forward in revision order. */
  private static final class RowCursor implements AutoCloseable {
    /** Rows fetched per round trip where the driver streams (PostgreSQL in a transaction). */
    private static final int FETCH = 500;
    private final PreparedStatement statement;
    private final ResultSet result;
    private final String tag;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private final int revIndex;
    private boolean onRow;

    RowCursor(Connection c, String select, List<Long> ids, String revColumn, String tag)
        throws SQLException {
      this.tag = tag;
      statement = c.prepareStatement(select + " where " + revColumn + " in ("
          + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") order by "
          + revColumn);
      try {
        statement.setFetchSize(FETCH);
        for (int i = 0; i < ids.size(); i++) {
          statement.setLong(i + 1, ids.get(i));
        }
        result = statement.executeQuery();
        ResultSetMetaData meta = result.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          names.add(meta.getColumnLabel(i).toLowerCase());
          order.add(i);
        }
        order.sort((a, b) -> names.get(a - 1).compareTo(names.get(b - 1)));
        revIndex = names.indexOf(revColumn) + 1;
        onRow = result.next();
      } catch (SQLException | RuntimeException e) {
        statement.close();
        throw e;
      }
    }

    /** Adds the rendered rows of revision {@code id} to {@code into}, moving past them. */
    void take(long id, List<String> into) throws SQLException {
      while (onRow && result.getLong(revIndex) < id) {
        onRow = result.next();
      }
      while (onRow && result.getLong(revIndex) == id) {
        StringBuilder line = new StringBuilder(tag);
        for (int i : order) {
          line.append('|').append(names.get(i - 1)).append('=')
              .append(value(names.get(i - 1), result.getString(i)));
        }
        into.add(line.toString());
        onRow = result.next();
      }
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }

  /** Rendered audit rows and audit events of the given revisions, by revision. */
  private static Map<Long, List<String>> rows(Connection c, Collection<String> tables,
      List<Long> ids) throws SQLException {
    Map<Long, List<String>> rows = new HashMap<>();
    String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
    for (String table : new TreeSet<>(tables)) {
      collect(c, "select * from " + table + " where rev in (" + in + ")", ids, "rev",
          "T " + table, rows);
    }
    collect(c, "select * from audit_log where revision_id in (" + in + ")", ids, "revision_id",
        "L audit_log", rows);
    return rows;
  }

  private static void collect(Connection c, String sql, List<Long> ids, String revColumn,
      String tag, Map<Long, List<String>> into) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        p.setLong(i + 1, ids.get(i));
      }
      try (ResultSet r = p.executeQuery()) {
        render(r, revColumn, tag, into);
      }
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
        line.append('|').append(names.get(i - 1)).append('=')
            .append(value(names.get(i - 1), r.getString(i)));
      }
      into.computeIfAbsent(r.getLong(revIndex), k -> new ArrayList<>()).add(line.toString());
    }
  }

  /**
   * A column's value as hashed: a sealed personal value ({@link FieldCrypto#chainForm}) as
   * {@code ENC1.<commitment>} only, so that re-encrypting it and destroying its key (erasure)
   * keep every hash; any other value as it is, so chains sealed before encryption still verify.
   */
  private static String value(String column, String v) {
    String hashed = FieldCrypto.chainForm(column, v);
    return hashed == null ? "-" : hashed.length() + ":" + hashed;
  }

  /**
   * The canonical text of a revision: its own line, then its distinct row lines in sorted order,
   * separated by newlines. The chain hash has always been computed over exactly these bytes, so
   * chains sealed before the text had a name still verify.
   */
  static String content(String revision, List<String> rows) {
    StringBuilder text = new StringBuilder(revision);
    for (String row : new TreeSet<>(rows)) {
      text.append('\n').append(row);
    }
    return text.toString();
  }

  /** SHA-256 over the content and the previous revision's hash. */
  static String hash(String content, String previous) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(content.getBytes(StandardCharsets.UTF_8));
      digest.update(("\nP|" + previous).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
