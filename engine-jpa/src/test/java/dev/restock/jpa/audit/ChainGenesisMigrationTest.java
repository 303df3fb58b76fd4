package dev.restock.jpa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database chained under schema version 3 (all-zero genesis, older revisions unchained) keeps
 * verifying after V4 records the genesis: the migration keeps the genesis its hashes used and
 * records which revisions predate the chain.
 */
abstract class ChainGenesisMigrationTest {
  private static final String ZERO = "0".repeat(64);
  private FreshDatabase db;
  private long legacyId;

  protected abstract TestDatabase database();

  /** Whatever the database needs before Flyway can run on the fresh database's URL. */
  protected void prepare(FreshDatabase fresh) throws SQLException {}

  @BeforeEach
  void version3() throws SQLException {
    db = database().fresh();
    prepare(db);
    Flyway.configure().configuration(JpaStore.flyway(db.config()).getConfiguration())
        .target("3").load().migrate();
  }

  @AfterEach
  void drop() {
    db.close();
  }

  @Test
  void aChainSealedUnderVersion3KeepsItsZeroGenesisAndStillVerifies() throws SQLException {
    String chained;
    try (Connection c = db.connect()) {
      long legacy = revision(c, "legacy");
      audited(c, legacy, 0, "COLA", "1.00");
      long sealed = revision(c, "product.update");
      audited(c, sealed, 1, "COLA", "1.50");
      event(c, sealed);
      // seal it as version 3 did: first in the chain, linked to the all-zero genesis
      try (PreparedStatement p = c.prepareStatement("update audit_revision set chain_seq = 1,"
          + " prev_hash = ?, hash = ? where id = ?")) {
        p.setString(1, ZERO);
        p.setString(2, ZERO);
        p.setLong(3, sealed);
        p.executeUpdate();
      }
      List<ChainedRevision> one = new ArrayList<>();
      HashChain.chained(c, JpaAuditHistory.AUDIT_TABLES, 1, 1, one::add);
      assertThat(one.get(0).content()).contains("sku=4:COLA").contains("price=");
      chained = HashChain.hash(one.get(0).content(), ZERO);
      try (PreparedStatement p = c.prepareStatement(
          "update audit_revision set hash = ? where id = ?")) {
        p.setString(1, chained);
        p.setLong(2, sealed);
        p.executeUpdate();
      }
      assertThat(legacy).isLessThan(sealed);
      legacyId = legacy;
      try (PreparedStatement p = c.prepareStatement(
          "update audit_chain_head set seq = 1, hash = ? where id = 1")) {
        p.setString(1, chained);
        p.executeUpdate();
      }
    }

    try (Store store = db.factory().open()) {
      ChainHead head = store.transactions().read(() -> store.history().chainHead());
      assertThat(head).isEqualTo(new ChainHead(ZERO, legacyId, 1, chained));
      ChainVerification migrated = store.transactions().read(() -> store.history().verifyChain());
      assertThat(migrated.intact()).as("%s", migrated.problems()).isTrue();
      assertThat(migrated.checked()).isEqualTo(1);
      assertThat(migrated.unchained()).isEqualTo(1);

      new StoreFixture(store).write(() -> store.products().add(
          StoreFixture.product("TEA", "Tea", "1.00")));
      ChainVerification after = store.transactions().read(() -> store.history().verifyChain());
      assertThat(after.intact()).as("%s", after.problems()).isTrue();
      assertThat(after.checked()).isEqualTo(2);
      assertThat(store.transactions().read(() -> store.history().chainHead()).size())
          .isEqualTo(2);
    }
  }

  @Test
  void anEmptyVersion3ChainGetsARandomGenesis() {
    try (Store store = db.factory().open()) {
      ChainHead head = store.transactions().read(() -> store.history().chainHead());
      assertThat(head.genesis()).matches("[0-9a-f]{64}").isNotEqualTo(ZERO);
      assertThat(head.hash()).isEqualTo(head.genesis());
      assertThat(head.size()).isZero();
    }
  }

  /** A revision row with a generated id, as Envers writes it. */
  private static long revision(Connection c, String action) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("insert into audit_revision (revision_time,"
        + " actor_id, action) values (?, ?, ?)", new String[] {"id"})) {
      p.setLong(1, 1_700_000_000_000L);
      p.setString(2, "00000000-0000-0000-0000-000000000000");
      p.setString(3, action);
      p.executeUpdate();
      try (java.sql.ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static final UUID COLA = UUID.fromString("11111111-1111-1111-1111-111111111111");

  private static void audited(Connection c, long rev, int type, String sku, String price)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("insert into product_aud (rev, id, revtype,"
        + " sku, name, price) values (?, ?, ?, ?, 'Cola', ?)")) {
      p.setLong(1, rev);
      p.setString(2, COLA.toString());
      p.setInt(3, type);
      p.setString(4, sku);
      p.setBigDecimal(5, new java.math.BigDecimal(price));
      p.executeUpdate();
    }
  }

  private static void event(Connection c, long rev) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("insert into audit_log (revision_id, actor_id,"
        + " action, created_at) values (?, '00000000-0000-0000-0000-000000000000',"
        + " 'product.update', ?)")) {
      p.setLong(1, rev);
      p.setTimestamp(2, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
      p.executeUpdate();
    }
  }
}
