package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import java.util.HashMap;
import java.util.Map;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 13 on the history chain, made with raw SQL by someone who can write every
 * table: each one must be named by verification (or, for live rows edited behind the engine's
 * back, by the live drift check).
 */
abstract class ChainTamperContractTest {
  /** Every audit table, as a test constant (never input). */
  private static final List<String> AUDIT_TABLES = List.of("app_user_aud", "cabinet_aud",
      "cabinet_type_aud", "device_aud", "device_type_aud", "location_aud", "order_line_aud",
      "planogram_aud", "product_aud", "route_aud", "service_order_aud", "service_visit_aud",
      "service_visit_lines_aud",
      "slot_aud", "stock_level_aud");

  private FreshDatabase db;
  private Restock engine;
  private Store store;
  private Fleet fleet;
  private User admin;

  protected abstract TestDatabase database();

  /** Statements that let this connection write rows whose foreign keys point nowhere. */
  protected abstract List<String> foreignKeysOff();

  @BeforeEach
  void writeHistory() {
    db = database().fresh();
    engine = RestockEngine.builder().store(db.factory()).build();
    admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    RestockSession session = engine.as(Actor.user(admin.id()).withReason("tamper suite"));
    fleet = EngineFixture.fleet(session);
    session.products().update(fleet.cola().id(),
        new UpdateProduct(null, null, null, new BigDecimal("1.50"), null, null));
    session.stock().receive(fleet.water().id(), 40, "delivery");
    // a whole order cycle, so that drift and verification see every audited table written
    EngineFixture.device(session, fleet, "M1", 1, 2);
    session.stock().receive(fleet.cola().id(), 50, "delivery");
    session.stock().receive(fleet.chips().id(), 50, "delivery");
    User driver = session.users().create(new CreateUser("drv", "drv@example.com", Role.DRIVER));
    ServiceOrder order = session.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    session.serviceOrders().assign(order.id(), driver.id());
    session.serviceOrders().dispatch(order.id());
    Visit visit = session.serviceOrders().get(order.id()).visits().get(0);
    Map<UUID, Integer> delivered = new HashMap<>();
    visit.lines().forEach(l -> delivered.put(l.slotId(), l.planned()));
    session.serviceOrders().completeVisit(order.id(), visit.id(),
        new CompleteVisit(delivered, false, null));
    store = db.factory().open();
    assertThat(verify().intact()).as("%s", verify().problem()).isTrue();
  }

  @AfterEach
  void drop() {
    if (store != null) {
      store.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void nulledChainFieldsWithAResetHeadAreBreaks() throws SQLException {
    long revisions = db.count("audit_revision");
    execute("update audit_revision set chain_seq = null, prev_hash = null, hash = null");
    execute("update audit_chain_head set seq = 0");

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.checked()).isZero();
    assertThat(result.unchained()).isZero();
    assertThat(result.problem().orElseThrow()).contains("not chained");
    assertThat(result.problems()).filteredOn(p -> p.contains("not chained"))
        .hasSize((int) revisions);
  }

  @Test
  void aForgedUnchainedRevisionIsABreak() throws SQLException {
    long forged = maxRevision() + 1;
    try (Connection c = db.connect()) {
      try (PreparedStatement p = c.prepareStatement("insert into audit_revision (id,"
          + " revision_time, actor_id, action) values (?, ?, ?, 'product.update')")) {
        p.setLong(1, forged);
        p.setLong(2, System.currentTimeMillis());
        p.setString(3, admin.id().toString());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("insert into product_aud (rev, id, revtype,"
          + " sku, name, category, price, case_pack, active, created_at, updated_at, created_by,"
          + " updated_by) select ?, id, 1, sku, name, category, 0.01, case_pack, active,"
          + " created_at, updated_at, created_by, updated_by from product where id = ?")) {
        p.setLong(1, forged);
        p.setString(2, fleet.cola().id().toString());
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      insertAuditEvent(c, forged);
    }

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken()).contains(forged);
    assertThat(result.problem().orElseThrow()).contains("revision " + forged)
        .contains("not chained");
  }

  @Test
  void theNewestRevisionDeletedWithTheHeadMovedBackIsABreak() throws SQLException {
    long newest = newestChained();
    deleteRevision(newest);
    execute("update audit_chain_head set seq = seq - 1");

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problem().orElseThrow()).contains("head").contains("hash");
  }

  @Test
  void aMovedHeadHashIsCaughtByAStoredCheckpoint() throws SQLException {
    ChainHead head = read(() -> store.history().chainHead());
    write(() -> store.history().saveCheckpoint(new Checkpoint(head.genesis(), head.size(),
        "00".repeat(32), head.hash(), Instant.now(), null, null)));
    long newest = newestChained();
    String previousHash;
    try (Connection c = db.connect();
        PreparedStatement p = c.prepareStatement(
            "select prev_hash from audit_revision where id = ?")) {
      p.setLong(1, newest);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        previousHash = r.getString(1);
      }
    }
    deleteRevision(newest);
    try (Connection c = db.connect();
        PreparedStatement p = c.prepareStatement(
            "update audit_chain_head set seq = seq - 1, hash = ? where id = 1")) {
      p.setString(1, previousHash);
      p.executeUpdate();
    }

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size " + head.size()).contains(head.hash()));
  }

  @Test
  void aMiddleRevisionDeletedAndTheChainRecomputedIsCaughtOnlyByStoredCheckpoints()
      throws Exception {
    ChainHead head = read(() -> store.history().chainHead());
    List<ChainedRevision> all = new ArrayList<>();
    read(() -> {
      store.history().chained(1, head.size(), all::add);
      return null;
    });
    int middle = all.size() / 2;
    write(() -> {
      store.history().saveCheckpoint(new Checkpoint(head.genesis(), middle + 1, "00".repeat(32),
          all.get(middle).hash(), Instant.now(), null, null));
      store.history().saveCheckpoint(new Checkpoint(head.genesis(), head.size(),
          "00".repeat(32), head.hash(), Instant.now(), null, null));
    });

    // the attacker's script: no secret is involved, so every later hash can be recomputed
    deleteRevision(all.get(middle).revisionId());
    String previous = all.get(middle - 1).hash();
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("update"
        + " audit_revision set chain_seq = ?, prev_hash = ?, hash = ? where id = ?")) {
      for (ChainedRevision r : all.subList(middle + 1, all.size())) {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest((r.content() + "\nP|" + previous).getBytes(StandardCharsets.UTF_8)));
        p.setLong(1, r.seq() - 1);
        p.setString(2, previous);
        p.setString(3, hash);
        p.setLong(4, r.revisionId());
        p.executeUpdate();
        previous = hash;
      }
      try (PreparedStatement h = c.prepareStatement(
          "update audit_chain_head set seq = ?, hash = ? where id = 1")) {
        h.setLong(1, head.size() - 1);
        h.setString(2, previous);
        h.executeUpdate();
      }
    }

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size " + (middle + 1)).contains("rewritten"));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size " + head.size()).contains("only " + (head.size() - 1)));

    // with the checkpoints gone too, only anchors outside the database can tell
    execute("delete from audit_checkpoint");
    assertThat(verify().intact()).isTrue();
  }

  @Test
  void aHeadHashThatDisagreesIsABreak() throws SQLException {
    execute("update audit_chain_head set hash = '" + "ab".repeat(32) + "'");

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problem().orElseThrow()).contains("head").contains("hash");
  }

  @Test
  void anEditedOrderLinesDocumentIsABreakAtItsRevision() throws SQLException {
    // an order's lines are audited as one document per visit: the chain covers that table too
    long revision = single("select max(rev) from service_visit_lines_aud");
    execute("update service_visit_lines_aud set document = document || ' ' where rev = "
        + revision);

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken()).contains(revision);
  }

  @Test
  void aDeletedOrderLinesDocumentIsABreakAtItsRevision() throws SQLException {
    long revision = single("select max(rev) from service_visit_lines_aud");
    execute("delete from service_visit_lines_aud where rev = " + revision);

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken()).contains(revision);
  }

  @Test
  void anAuditEventPointingAtNoRevisionIsABreak() throws SQLException {
    long nowhere = maxRevision() + 1000;
    try (Connection c = db.connect()) {
      try (Statement s = c.createStatement()) {
        for (String sql : foreignKeysOff()) {
          s.execute(sql);
        }
      }
      insertAuditEvent(c, nowhere);
    }

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("audit event")
        .contains("revision " + nowhere));
  }

  @Test
  void historyWipedWhileTheHeadStillCountsIsABreak() throws SQLException {
    wipeHistory();

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("head"));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("product")
        .contains("no history"));
  }

  @Test
  void historyWipedWithTheHeadResetIsABreakWhileLiveRowsRemain() throws SQLException {
    ChainHead head = read(() -> store.history().chainHead());
    wipeHistory();
    try (Connection c = db.connect();
        PreparedStatement p = c.prepareStatement(
            "update audit_chain_head set seq = 0, hash = ? where id = 1")) {
      p.setString(1, head.genesis());
      p.executeUpdate();
    }

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problem().orElseThrow()).contains("no history");
  }

  @Test
  void liveRowsEditedBySqlAreListedAsDrift() throws SQLException {
    assertThat(read(() -> store.history().liveDrift())).isEmpty();
    long onHand = single("select on_hand from stock_level where id = '" + fleet.water().id()
        + "'");
    assertThat(onHand).isLessThan(40); // the dispatch took some
    execute("update product set price = 0.01 where sku = 'COLA'");
    execute("update stock_level set on_hand = 7 where id = '" + fleet.water().id() + "'");
    String stray = UUID.randomUUID().toString();
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("insert into"
        + " location (id, name, address, version, created_at, updated_at, created_by,"
        + " updated_by) select ?, 'Ghost', address, 0, created_at, updated_at, created_by,"
        + " updated_by from location where id = ?")) {
      p.setString(1, stray);
      p.setString(2, fleet.location().id().toString());
      p.executeUpdate();
    }

    List<LiveDrift> drift = read(() -> store.history().liveDrift());
    assertThat(drift).anySatisfy(d -> {
      assertThat(d.type()).isEqualTo(AuditedType.PRODUCT);
      assertThat(d.id()).isEqualTo(fleet.cola().id());
      assertThat(d.field()).isEqualTo("price");
      assertThat(new BigDecimal(d.audited())).isEqualByComparingTo("1.50");
      assertThat(new BigDecimal(d.live())).isEqualByComparingTo("0.01");
    });
    assertThat(drift).anySatisfy(d -> {
      assertThat(d.type()).isEqualTo(AuditedType.STOCK);
      assertThat(d.id()).isEqualTo(fleet.water().id());
      assertThat(d.field()).isEqualTo("on_hand");
      assertThat(d.audited()).isEqualTo(String.valueOf(onHand));
      assertThat(d.live()).isEqualTo("7");
    });
    assertThat(drift).anySatisfy(d -> {
      assertThat(d.type()).isEqualTo(AuditedType.LOCATION);
      assertThat(d.id()).hasToString(stray);
      assertThat(d.field()).isEqualTo("*");
    });
    assertThat(drift).hasSize(3);
  }

  private ChainVerification verify() {
    return read(() -> store.history().verifyChain());
  }

  private <T> T read(java.util.function.Supplier<T> work) {
    return store.transactions().read(work);
  }

  private void write(Runnable work) {
    store.transactions().write(new AuditContext(Actor.system(), "checkpoint"), () -> {
      work.run();
      return null;
    });
  }

  private void insertAuditEvent(Connection c, long revision) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("insert into audit_log (revision_id, actor_id,"
        + " action, resource_type, resource_id, details, created_at) values (?, ?,"
        + " 'product.update', 'product', ?, 'price 1.50 -> 0.01', ?)")) {
      p.setLong(1, revision);
      p.setString(2, admin.id().toString());
      p.setString(3, fleet.cola().id().toString());
      p.setTimestamp(4, java.sql.Timestamp.from(Instant.now()));
      p.executeUpdate();
    }
  }

  private void deleteRevision(long id) throws SQLException {
    try (Connection c = db.connect()) {
      for (String table : AUDIT_TABLES) {
        try (PreparedStatement p = c.prepareStatement("delete from " + table + " where rev = ?")) {
          p.setLong(1, id);
          p.executeUpdate();
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "delete from audit_log where revision_id = ?")) {
        p.setLong(1, id);
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("delete from audit_revision where id = ?")) {
        p.setLong(1, id);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
    }
  }

  private void wipeHistory() throws SQLException {
    List<String> statements = new ArrayList<>();
    AUDIT_TABLES.forEach(t -> statements.add("delete from " + t));
    statements.add("delete from audit_log");
    statements.add("delete from audit_revision");
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
    assertThat(db.count("audit_revision")).isZero();
  }

  private long newestChained() throws SQLException {
    return single("select id from audit_revision where chain_seq ="
        + " (select max(chain_seq) from audit_revision)");
  }

  private long maxRevision() throws SQLException {
    return single("select max(id) from audit_revision");
  }

  private long single(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
