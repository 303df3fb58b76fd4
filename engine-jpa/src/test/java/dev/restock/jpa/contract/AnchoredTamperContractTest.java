package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.spi.AnchorSink;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.audit.KeyFileSigner;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.EngineFixture;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only checkpoints kept outside the database catch: someone who can write every table
 * removes revisions, rewrites the chain's hashes and the head, and deletes the stored
 * checkpoints, so that the store's own walk finds nothing; the signed anchor still does.
 */
abstract class AnchoredTamperContractTest {
  /** Every audit table, as a test constant (never input). */
  private static final List<String> AUDIT_TABLES = List.of("app_user_aud", "cabinet_aud",
      "cabinet_type_aud", "device_aud", "device_type_aud", "location_aud", "order_line_aud",
      "planogram_aud", "product_aud", "route_aud", "service_order_aud", "service_visit_aud",
      "service_visit_lines_aud",
      "slot_aud", "stock_level_aud");

  @TempDir Path keys;
  private FreshDatabase db;
  private Restock engine;
  private RestockSession session;
  private Fleet fleet;
  private KeyFileSigner signer;
  private final List<Checkpoint> anchors = new CopyOnWriteArrayList<>();

  protected abstract TestDatabase database();

  @BeforeEach
  void anchoredHistory() {
    db = database().fresh();
    KeyFileSigner.generate(keys.resolve("audit.key"));
    signer = KeyFileSigner.load(keys.resolve("audit.key"));
    AnchorSink sink = new AnchorSink() {
      @Override
      public String id() {
        return "test-anchors";
      }

      @Override
      public void publish(Checkpoint checkpoint) {
        anchors.add(checkpoint);
      }
    };
    engine = RestockEngine.builder().store(db.factory()).checkpointSigner(signer)
        .anchorSink(sink).checkpointEvery(0, null).build();
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("ada", "ada@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()));
    Fleet f = EngineFixture.fleet(session);
    fleet = f;
    session.products().update(f.cola().id(),
        new UpdateProduct(null, null, null, new BigDecimal("1.20"), null, null));
    session.products().update(f.water().id(),
        new UpdateProduct(null, "Still water", null, null, null, null));
    session.history().checkpoint();
    assertThat(anchors).hasSize(1);
  }

  @AfterEach
  void close() {
    engine.close();
    db.close();
  }

  private IntegrityReport verifyAgainstAnchors() {
    return session.history().verify(
        new IntegrityCheck(Optional.of(signer.publicKey()), anchors, false));
  }

  @Test
  void theIntactDatabaseVerifiesAgainstItsAnchor() {
    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.breaks()).isEmpty();
    assertThat(report.intact()).isTrue();
  }

  @Test
  void theNewestRevisionDeletedWithHeadAndCheckpointsRewrittenIsCaughtByTheAnchor()
      throws Exception {
    long size = anchors.get(0).size();
    removeRevisionAt(size);
    recomputeChain();
    execute("delete from audit_checkpoint");
    assertThat(session.history().verify().intact()).as("the store alone sees nothing").isTrue();

    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.intact()).isFalse();
    assertThat(report.breaks()).anyMatch(b -> b.startsWith("anchored checkpoint of size " + size)
        && b.contains("the chain holds only " + (size - 1)));
  }

  @Test
  void aMiddleRevisionDeletedAndEveryHashRecomputedIsCaughtByTheAnchor() throws Exception {
    // the price change of cola disappears, as if cola had always cost what it costs now
    long priceChange = session.history().history(dev.restock.api.audit.AuditedType.PRODUCT,
        fleet.cola().id()).get(1).info().number();
    removeRevision(priceChange);
    recomputeChain();
    execute("delete from audit_checkpoint");
    // the chain goes on as if nothing happened, past the anchored size again
    session.products().create(new dev.restock.api.catalog.CreateProduct("TEA", "Tea", "Drinks",
        new BigDecimal("1.10"), 6));
    session.products().create(new dev.restock.api.catalog.CreateProduct("GUM", "Gum", "Snacks",
        new BigDecimal("0.50"), 20));
    assertThat(session.history().verify().intact()).as("the store alone sees nothing").isTrue();

    IntegrityReport report = verifyAgainstAnchors();
    assertThat(report.intact()).isFalse();
    assertThat(report.breaks()).anyMatch(b -> b.startsWith("anchored checkpoint of size "
        + anchors.get(0).size()) && b.contains("no longer have its Merkle root"));
  }

  private void removeRevisionAt(long seq) throws SQLException {
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "select id from audit_revision where chain_seq = ?")) {
      p.setLong(1, seq);
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        removeRevision(r.getLong(1));
      }
    }
  }

  private void removeRevision(long id) throws SQLException {
    List<String> statements = new ArrayList<>();
    AUDIT_TABLES.forEach(t -> statements.add("delete from " + t + " where rev = " + id));
    statements.add("delete from audit_log where revision_id = " + id);
    statements.add("delete from audit_revision where id = " + id);
    execute(statements.toArray(String[]::new));
  }

  /**
   * The short script of the issue: renumber the chain over the gap and rewrite every hash and
   * the head from the content the store now computes, with the store's own hash rule.
   */
  private void recomputeChain() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "select id from audit_revision where chain_seq is not null order by chain_seq")) {
      while (r.next()) {
        ids.add(r.getLong(1));
      }
    }
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "update audit_revision set chain_seq = ? where id = ?")) {
      for (int i = 0; i < ids.size(); i++) {
        p.setLong(1, i + 1);
        p.setLong(2, ids.get(i));
        p.executeUpdate();
      }
    }
    execute("update audit_chain_head set seq = " + ids.size() + " where id = 1");
    List<ChainedRevision> chain = new ArrayList<>();
    String genesis;
    try (Store store = db.factory().open()) {
      genesis = store.transactions().read(() -> store.history().chainHead().genesis());
      store.transactions().read(() -> {
        store.history().chained(1, ids.size(), chain::add);
        return null;
      });
    }
    String previous = genesis;
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "update audit_revision set prev_hash = ?, hash = ? where id = ?")) {
      for (ChainedRevision r : chain) {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(r.content().getBytes(StandardCharsets.UTF_8));
        d.update(("\nP|" + previous).getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(d.digest());
        p.setString(1, previous);
        p.setString(2, hash);
        p.setLong(3, r.revisionId());
        p.executeUpdate();
        previous = hash;
      }
    }
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "update audit_chain_head set hash = ? where id = 1")) {
      p.setString(1, previous);
      p.executeUpdate();
    }
  }

  private void execute(String... statements) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }
}
