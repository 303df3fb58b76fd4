package dev.restock.jpa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.spi.Store;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.StoreFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain is read a page at a time: across page boundaries nothing is skipped or repeated, a
 * break deep in the history is still named, and verification from a checkpoint recomputes only
 * what follows it.
 */
class H2ChainPagingTest {
  private static final int REVISIONS = 2 * HashChain.PAGE + 37;
  private FreshDatabase db;
  private Store store;

  @BeforeEach
  void manyRevisions() {
    db = TestDatabase.H2.fresh();
    store = db.factory().open();
    StoreFixture fixture = new StoreFixture(store);
    for (int i = 0; i < REVISIONS; i++) {
      String sku = "P" + i;
      fixture.write(() -> store.products().add(StoreFixture.product(sku, sku, "1.00")));
    }
  }

  @AfterEach
  void drop() {
    store.close();
    db.close();
  }

  private List<ChainedRevision> chained(long from, long to) {
    List<ChainedRevision> all = new ArrayList<>();
    store.transactions().read(() -> {
      store.history().chained(from, to, all::add);
      return null;
    });
    return all;
  }

  @Test
  void everyRevisionIsHandedOverOnceInOrderAcrossPagesAndABreakDeepInIsNamed()
      throws Exception {
    List<ChainedRevision> all = chained(1, Long.MAX_VALUE);

    assertThat(all).hasSize(REVISIONS);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).seq()).isEqualTo(i + 1);
      assertThat(all.get(i).content()).contains("sku=" + ("P" + i).length() + ":P" + i + "|");
      if (i > 0) {
        assertThat(all.get(i).previousHash()).isEqualTo(all.get(i - 1).hash());
      }
    }
    assertThat(chained(HashChain.PAGE - 1, HashChain.PAGE + 2)).extracting(ChainedRevision::seq)
        .containsExactly((long) HashChain.PAGE - 1, (long) HashChain.PAGE,
            (long) HashChain.PAGE + 1, (long) HashChain.PAGE + 2);

    aBreakInTheLastPageIsNamedAndACheckpointNarrowsTheWork();
  }

  /** Part of the test above: the history is slow to write, so both share it. */
  private void aBreakInTheLastPageIsNamedAndACheckpointNarrowsTheWork() throws Exception {
    ChainVerification clean = store.transactions().read(() -> store.history().verifyChain());
    assertThat(clean.intact()).as("%s", clean.problems()).isTrue();
    assertThat(clean.checked()).isEqualTo(REVISIONS);

    ChainedRevision deep = chained(REVISIONS - 3, REVISIONS - 3).get(0);
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "update product_aud set price = 0.01 where rev = ?")) {
      p.setLong(1, deep.revisionId());
      assertThat(p.executeUpdate()).isEqualTo(1);
    }

    ChainVerification broken = store.transactions().read(() -> store.history().verifyChain());
    assertThat(broken.firstBroken()).contains(deep.revisionId());
    assertThat(broken.problems()).hasSize(1);

    long after = HashChain.PAGE + 10;
    String hashAt = chained(after, after).get(0).hash();
    ChainVerification fromCheckpoint = store.transactions().read(
        () -> store.history().verifyChain(after, hashAt));
    assertThat(fromCheckpoint.checked()).isEqualTo(REVISIONS - after);
    assertThat(fromCheckpoint.firstBroken()).contains(deep.revisionId());
  }
}
