package dev.restock.jpa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: an order whose history was written under schema version 6, one audit row per line,
 * keeps verifying after V7 audits lines as one document per visit, answers history and as-of reads
 * as before, and a change made after the migration records its lines as a document.
 */
abstract class OrderLinesMigrationTest {
  private static final UUID ORDER = UUID.fromString("0000000a-0000-0000-0000-000000000001");
  private static final UUID VISIT = UUID.fromString("0000000b-0000-0000-0000-000000000001");
  private static final UUID LINE_A1 = UUID.fromString("0000000c-0000-0000-0000-000000000001");
  private static final UUID LINE_B2 = UUID.fromString("0000000c-0000-0000-0000-000000000002");
  private static final UUID PRODUCT = UUID.fromString("0000000d-0000-0000-0000-000000000001");
  private static final UUID ACTOR = UUID.fromString("0000000e-0000-0000-0000-000000000001");
  private static final long CREATED = 1_700_000_000_000L;
  private static final long COMPLETED = CREATED + 3_600_000L;
  /** The audit tables of schema version 6, which sealed its revisions over these. */
  private static final List<String> VERSION_6_TABLES = JpaAuditHistory.AUDIT_TABLES;

  private FreshDatabase db;

  protected abstract TestDatabase database();

  /** Whatever the database needs before Flyway can run on the fresh database's URL. */
  protected void prepare(FreshDatabase fresh) throws SQLException {}

  /** Statements that let this connection write rows whose foreign keys point nowhere. */
  protected abstract List<String> foreignKeysOff();

  /** Statements that undo {@link #foreignKeysOff()} where it outlives the connection. */
  protected List<String> foreignKeysOn() {
    return List.of();
  }

  @BeforeEach
  void version6WithAnOrderAndItsHistory() throws SQLException {
    db = database().fresh();
    prepare(db);
    Flyway.configure().configuration(JpaStore.flyway(db.config()).getConfiguration())
        .target("6").load().migrate();
    try (Connection c = db.connect()) {
      run(c, foreignKeysOff());
      // revision 1 created the order: one visit, two lines, as version 6 wrote it
      long created = revision(c, CREATED, "service-order.create");
      order(c, "service_order_aud (rev, revtype, ", created, "PENDING", 0);
      visit(c, "service_visit_aud (rev, revtype, ", created, "PENDING", 0);
      line(c, "order_line_aud (rev, revtype, ", created, LINE_A1, "A1", 5, null, 0);
      line(c, "order_line_aud (rev, revtype, ", created, LINE_B2, "B2", 3, null, 0);
      // revision 2 completed the visit: every line delivered, order completed
      long completed = revision(c, COMPLETED, "service-order.complete-visit");
      order(c, "service_order_aud (rev, revtype, ", completed, "COMPLETED", 1);
      visit(c, "service_visit_aud (rev, revtype, ", completed, "COMPLETED", 1);
      line(c, "order_line_aud (rev, revtype, ", completed, LINE_A1, "A1", 5, 4, 1);
      line(c, "order_line_aud (rev, revtype, ", completed, LINE_B2, "B2", 3, 3, 1);
      // the live rows as they stood after revision 2
      order(c, "service_order (", null, "COMPLETED", null);
      visit(c, "service_visit (", null, "COMPLETED", null);
      line(c, "order_line (", null, LINE_A1, "A1", 5, 4, null);
      line(c, "order_line (", null, LINE_B2, "B2", 3, 3, null);
      run(c, foreignKeysOn());
      seal(c, List.of(created, completed));
    }
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void anOrderWithPerLineHistoryVerifiesAndAnswersHistoryAsBeforeAfterVersion7()
      throws SQLException {
    long perLineRows = db.count("order_line_aud");
    try (Store store = db.factory().open()) {
      ChainVerification migrated = store.transactions().read(() -> store.history().verifyChain());
      assertThat(migrated.intact()).as("%s", migrated.problems()).isTrue();
      assertThat(migrated.checked()).isEqualTo(2);

      List<EntityRevision> revisions = store.transactions().read(() ->
          store.history().revisions(AuditedType.SERVICE_ORDER, ORDER));
      assertThat(revisions).hasSize(2);
      assertThat(revisions.get(0).state())
          .containsEntry("status", "PENDING")
          .containsEntry("visit[M1 #1]", "status=PENDING")
          .containsEntry("line[M1 #1/A1]", "product=" + PRODUCT + ", planned=5")
          .containsEntry("line[M1 #1/B2]", "product=" + PRODUCT + ", planned=3");
      assertThat(revisions.get(1).state())
          .containsEntry("status", "COMPLETED")
          .containsEntry("visit[M1 #1]", "status=COMPLETED")
          .containsEntry("line[M1 #1/A1]", "product=" + PRODUCT + ", planned=5, delivered=4")
          .containsEntry("line[M1 #1/B2]", "product=" + PRODUCT + ", planned=3, delivered=3");
      EntityRevision asOf = store.transactions().read(() -> store.history().stateAt(
          AuditedType.SERVICE_ORDER, ORDER, Instant.ofEpochMilli(CREATED + 1000))).orElseThrow();
      assertThat(asOf.state()).isEqualTo(revisions.get(0).state());

      // a change after the migration: the visit's lines become a document, no per-line rows
      new StoreFixture(store).write(() -> {
        ServiceOrder order = store.serviceOrders().find(ORDER).orElseThrow();
        Visit v = order.visits().get(0);
        List<OrderLine> lines = v.lines().stream()
            .map(l -> l.position().equals("A1") ? l.withDelivered(5) : l).toList();
        Visit corrected = new Visit(v.id(), v.deviceId(), v.deviceName(), v.cabinetId(),
            v.cabinetIndex(), v.status(), v.notes(), v.completedAt(), lines);
        return store.serviceOrders().update(new ServiceOrder(order.id(), order.number(),
            order.routeId(), order.driverId(), order.status(), order.strategyId(),
            order.estimatedMinutes(), order.deliveryNoteId(), "A1 recounted", List.of(corrected),
            order.version(), order.stamp(), order.deletedAt()));
      });
      assertThat(db.count("order_line_aud")).isEqualTo(perLineRows);
      assertThat(db.count("service_visit_lines_aud")).isEqualTo(1);

      ChainVerification after = store.transactions().read(() -> store.history().verifyChain());
      assertThat(after.intact()).as("%s", after.problems()).isTrue();
      assertThat(after.checked()).isEqualTo(3);
      List<EntityRevision> now = store.transactions().read(() ->
          store.history().revisions(AuditedType.SERVICE_ORDER, ORDER));
      assertThat(now).hasSize(3);
      assertThat(now.get(0).state()).isEqualTo(revisions.get(0).state());
      assertThat(now.get(1).state()).isEqualTo(revisions.get(1).state());
      Map<String, String> third = now.get(2).state();
      assertThat(third).containsEntry("notes", "A1 recounted")
          .containsEntry("line[M1 #1/A1]", "product=" + PRODUCT + ", planned=5, delivered=5")
          .containsEntry("line[M1 #1/B2]", "product=" + PRODUCT + ", planned=3, delivered=3");
    }
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** Seals revisions in order as version 6 did, over its audit tables. */
  private static void seal(Connection c, List<Long> ids) throws SQLException {
    String genesis = HashChain.head(c).genesis();
    String previous = genesis;
    long seq = 0;
    for (long id : ids) {
      seq++;
      try (PreparedStatement p = c.prepareStatement("update audit_revision set chain_seq = ?,"
          + " prev_hash = ?, hash = ? where id = ?")) {
        p.setLong(1, seq);
        p.setString(2, previous);
        p.setString(3, "pending");
        p.setLong(4, id);
        p.executeUpdate();
      }
      List<ChainedRevision> one = new ArrayList<>();
      HashChain.chained(c, VERSION_6_TABLES, seq, seq, one::add);
      String hash = HashChain.hash(one.get(0).content(), previous);
      try (PreparedStatement p = c.prepareStatement(
          "update audit_revision set hash = ? where id = ?")) {
        p.setString(1, hash);
        p.setLong(2, id);
        p.executeUpdate();
      }
      previous = hash;
    }
    try (PreparedStatement p = c.prepareStatement(
        "update audit_chain_head set seq = ?, hash = ? where id = 1")) {
      p.setLong(1, seq);
      p.setString(2, previous);
      p.executeUpdate();
    }
  }

  private static long revision(Connection c, long time, String action) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("insert into audit_revision (revision_time,"
        + " actor_id, action) values (?, ?, ?)", new String[] {"id"})) {
      p.setLong(1, time);
      p.setString(2, ACTOR.toString());
      p.setString(3, action);
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Inserts into {@code table (} [rev, revtype, ]... ; rev null for the live table. */
  private static void order(Connection c, String into, Long rev, String status, Integer type)
      throws SQLException {
    // the audit table has no version column
    String sql = "insert into " + into + "id, number, route_id, status, strategy_id,"
        + " estimated_minutes, created_at, updated_at, created_by, updated_by"
        + (rev == null ? ", version" : "") + ") values (" + (rev == null ? "" : "?, ?, ")
        + "?, 'SO-2023-000001', ?, ?, 'fill-to-par', 10, ?, ?, ?, ?" + (rev == null ? ", 1" : "")
        + ")";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int i = 1;
      if (rev != null) {
        p.setLong(i++, rev);
        p.setInt(i++, type);
      }
      p.setString(i++, ORDER.toString());
      p.setString(i++, UUID.randomUUID().toString());
      p.setString(i++, status);
      p.setTimestamp(i++, Timestamp.from(Instant.ofEpochMilli(CREATED)));
      p.setTimestamp(i++, Timestamp.from(Instant.ofEpochMilli(
          status.equals("PENDING") ? CREATED : COMPLETED)));
      p.setString(i++, ACTOR.toString());
      p.setString(i, ACTOR.toString());
      p.executeUpdate();
    }
  }

  private static void visit(Connection c, String into, Long rev, String status, Integer type)
      throws SQLException {
    String sql = "insert into " + into + "id, order_id, sequence_no, device_id, device_name,"
        + " cabinet_id, cabinet_index, status) values (" + (rev == null ? "" : "?, ?, ")
        + "?, ?, 0, ?, 'M1', ?, 1, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int i = 1;
      if (rev != null) {
        p.setLong(i++, rev);
        p.setInt(i++, type);
      }
      p.setString(i++, VISIT.toString());
      p.setString(i++, ORDER.toString());
      p.setString(i++, "0000000f-0000-0000-0000-000000000001");
      p.setString(i++, "0000000f-0000-0000-0000-000000000002");
      p.setString(i, status);
      p.executeUpdate();
    }
  }

  private static void line(Connection c, String into, Long rev, UUID id, String position,
      int planned, Integer delivered, Integer type) throws SQLException {
    String sql = "insert into " + into + "id, visit_id, slot_id, position, product_id, planned,"
        + " delivered) values (" + (rev == null ? "" : "?, ?, ") + "?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int i = 1;
      if (rev != null) {
        p.setLong(i++, rev);
        p.setInt(i++, type);
      }
      p.setString(i++, id.toString());
      p.setString(i++, VISIT.toString());
      p.setString(i++, UUID.nameUUIDFromBytes(position.getBytes()).toString());
      p.setString(i++, position);
      p.setString(i++, PRODUCT.toString());
      p.setInt(i++, planned);
      if (delivered == null) {
        p.setNull(i, java.sql.Types.INTEGER);
      } else {
        p.setInt(i, delivered);
      }
      p.executeUpdate();
    }
  }
}
