package dev.restock.jpa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.spi.Store;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification streams: however many audit rows the revisions of one page wrote, it holds the
 * rows of one revision at a time, not the page's, and still hands every revision over once, in
 * chain order, with the content it was sealed with.
 */
abstract class ChainStreamingTest {
  /** Revisions of one page, each writing many audit rows. */
  private static final int REVISIONS = 6;
  private static final int PRODUCTS_PER_REVISION = 25;
  private FreshDatabase db;
  private Store store;

  protected abstract TestDatabase database();

  @BeforeEach
  void bigRevisions() {
    db = database().fresh();
    store = db.factory().open();
    StoreFixture fixture = new StoreFixture(store);
    for (int r = 0; r < REVISIONS; r++) {
      int revision = r;
      fixture.write(() -> {
        for (int i = 0; i < PRODUCTS_PER_REVISION; i++) {
          String sku = "R" + revision + "P" + i;
          store.products().add(StoreFixture.product(sku, sku, "1.00"));
        }
        return null;
      });
    }
  }

  @AfterEach
  void drop() {
    store.close();
    db.close();
  }

  @Test
  void aPageOfBigRevisionsIsReadOneRevisionAtATimeInChainOrder() throws Exception {
    List<ChainedRevision> all = new ArrayList<>();
    AtomicLong peak = new AtomicLong();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      HashChain.chained(c, JpaAuditHistory.AUDIT_TABLES, 1, Long.MAX_VALUE, all::add,
          held -> peak.accumulateAndGet(held, Math::max));
      c.rollback();
    }

    assertThat(all).extracting(ChainedRevision::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    int largest = 0;
    int total = 0;
    for (int i = 0; i < all.size(); i++) {
      ChainedRevision r = all.get(i);
      int rows = (int) r.content().lines().count() - 1;
      largest = Math.max(largest, rows);
      total += rows;
      assertThat(r.content()).contains("sku=4:R" + i + "P0|").doesNotContain(
          "R" + (i + 1) + "P0|");
      assertThat(HashChain.hash(r.content(), r.previousHash())).isEqualTo(r.hash());
    }
    assertThat(largest).isGreaterThanOrEqualTo(PRODUCTS_PER_REVISION);
    assertThat(peak.get()).as("rows held at once; the page holds %d", total)
        .isPositive().isLessThanOrEqualTo(largest);
  }

  @Test
  void verificationHoldsOneRevisionsRowsAtATimeAndStillFindsAnEdit() throws Exception {
    AtomicLong peak = new AtomicLong();
    ChainVerification clean;
    ChainVerification broken;
    long edited;
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      clean = HashChain.verify(c, JpaAuditHistory.AUDIT_TABLES, Map.of(), 0, null,
          held -> peak.accumulateAndGet(held, Math::max));
      List<ChainedRevision> third = new ArrayList<>();
      HashChain.chained(c, JpaAuditHistory.AUDIT_TABLES, 3, 3, third::add);
      edited = third.get(0).revisionId();
      try (var p = c.prepareStatement("update product_aud set name = 'edited' where rev = ?")) {
        p.setLong(1, edited);
        assertThat(p.executeUpdate()).isEqualTo(PRODUCTS_PER_REVISION);
      }
      broken = HashChain.verify(c, JpaAuditHistory.AUDIT_TABLES, Map.of(), 0, null);
      c.rollback();
    }

    assertThat(clean.intact()).as("%s", clean.problems()).isTrue();
    assertThat(clean.checked()).isEqualTo(REVISIONS);
    assertThat(peak.get()).isPositive().isLessThan(2L * PRODUCTS_PER_REVISION);
    assertThat(broken.firstBroken()).contains(edited);
    assertThat(broken.problems()).hasSize(1);
  }
}
