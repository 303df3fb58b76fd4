package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.catalog.Product;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The history chain as every store keeps it, through the {@code AuditHistory} port: a chain that
 * starts at a random recorded genesis, a head that follows every committed revision, chained
 * revisions whose content is stable and whose hashes link, checkpoints that round-trip and are
 * compared with the chain, verification from a checkpoint, and no live drift after normal use.
 * That verification also catches tampering is {@link HistoryTamperContract}'s part.
 *
 * <p>Implemented by {@link StoreContract} and {@link ChainContract}; a store author extends one
 * of those rather than this interface.
 */
@Experimental(since = "0.2")
public interface HistoryChainContract extends StoreUnderTest {
  private <T> T read(Supplier<T> work) {
    return store().transactions().read(work);
  }

  private Product product(String sku) {
    return fixture().write(() -> store().products().add(StoreFixture.product(sku, sku, "1.50")));
  }

  private List<ChainedRevision> chained(long from, long to) {
    List<ChainedRevision> all = new ArrayList<>();
    read(() -> {
      store().history().chained(from, to, all::add);
      return null;
    });
    return all;
  }

  private ChainHead head() {
    return read(() -> store().history().chainHead());
  }

  private void save(Checkpoint checkpoint) {
    store().transactions().write(new AuditContext(Actor.system(), "checkpoint"), () -> {
      store().history().saveCheckpoint(checkpoint);
      return null;
    });
  }

  @Test
  default void aNewStoreHasAnEmptyChainAtARandomGenesis() {
    ChainHead head = head();

    assertThat(head.size()).isZero();
    assertThat(head.genesis()).matches(Kit.HEX_64).isNotEqualTo("0".repeat(64));
    assertThat(head.hash()).isEqualTo(head.genesis());
    assertThat(head.genesisAfterRevision()).isZero();
    assertThat(chained(1, Long.MAX_VALUE)).isEmpty();
    assertThat(read(() -> store().history().verifyChain()).intact()).isTrue();
  }

  @Test
  default void theHeadFollowsEveryCommittedRevisionAndNothingElse() {
    product("COLA");
    product("TEA");
    assertThat(head().size()).isEqualTo(2);

    assertThatThrownBy(() -> fixture().write(() -> {
      store().products().add(StoreFixture.product("GONE", "Gone", "1.00"));
      throw new IllegalStateException("boom");
    })).hasMessageContaining("boom");
    read(() -> store().products().findBySku("COLA"));

    ChainHead head = head();
    assertThat(head.size()).isEqualTo(2);
    List<ChainedRevision> all = chained(1, Long.MAX_VALUE);
    assertThat(all).extracting(ChainedRevision::seq).containsExactly(1L, 2L);
    assertThat(head.hash()).isEqualTo(all.get(1).hash());
  }

  @Test
  default void chainedRevisionsLinkFromTheGenesisAndTheirContentIsStable() {
    product("COLA");
    product("TEA");
    product("WATER");
    ChainHead head = head();
    List<ChainedRevision> before = chained(1, 3);

    assertThat(before).extracting(ChainedRevision::seq).containsExactly(1L, 2L, 3L);
    assertThat(before.get(0).previousHash()).isEqualTo(head.genesis());
    assertThat(before.get(1).previousHash()).isEqualTo(before.get(0).hash());
    assertThat(before.get(2).previousHash()).isEqualTo(before.get(1).hash());
    assertThat(before).extracting(ChainedRevision::hash).allMatch(h -> h.matches(Kit.HEX_64))
        .doesNotHaveDuplicates();
    assertThat(before.get(0).content()).contains("COLA").doesNotContain("TEA");
    assertThat(before.get(2).content()).contains("WATER");
    assertThat(before.get(0).revisionId()).isLessThan(before.get(1).revisionId());

    product("CHIPS");
    assertThat(chained(1, 3)).isEqualTo(before);
    assertThat(chained(2, 2)).containsExactly(before.get(1));
    assertThat(chained(4, 4)).singleElement().satisfies(r -> {
      assertThat(r.content()).contains("CHIPS");
      assertThat(r.previousHash()).isEqualTo(before.get(2).hash());
    });
    assertThat(chained(5, 100)).isEmpty();
  }

  @Test
  default void checkpointsRoundTripOldestFirstAndRollBackWithTheirUnit() {
    product("COLA");
    product("TEA");
    ChainHead head = head();
    List<ChainedRevision> all = chained(1, 2);
    Instant precise = Instant.parse("2026-12-04T21:50:01.123456789Z");
    Checkpoint two = new Checkpoint(head.genesis(), 2, "ab".repeat(32), all.get(1).hash(),
        precise, "key-1", "c2lnbmF0dXJl");
    Checkpoint one = new Checkpoint(head.genesis(), 1, "cd".repeat(32), all.get(0).hash(),
        precise.minusSeconds(60), null, null);
    save(two);
    save(one);

    assertThatThrownBy(() -> store().transactions().write(
        new AuditContext(Actor.system(), "checkpoint"), () -> {
          store().history().saveCheckpoint(new Checkpoint(head.genesis(), 2, "ef".repeat(32),
              all.get(1).hash(), Kit.MONDAY, null, null));
          throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");

    assertThat(read(() -> store().history().checkpoints())).containsExactly(one, two);
    assertThat(read(() -> store().history().verifyChain()).intact()).isTrue();
  }

  @Test
  default void verificationIsIntactAfterNormalUseAndCanStartAtAVerifiedCheckpoint() {
    for (String sku : List.of("A", "B", "C", "D", "E")) {
      product(sku);
    }
    ChainVerification all = read(() -> store().history().verifyChain());
    assertThat(all.intact()).as("%s", all.problems()).isTrue();
    assertThat(all.checked()).isEqualTo(5);
    assertThat(all.problems()).isEmpty();

    String atTwo = chained(2, 2).get(0).hash();
    ChainVerification fromTwo = read(() -> store().history().verifyChain(2, atTwo));
    assertThat(fromTwo.intact()).as("%s", fromTwo.problems()).isTrue();
    assertThat(fromTwo.checked()).isEqualTo(3);

    ChainVerification wrong = read(() -> store().history().verifyChain(2, "00".repeat(32)));
    assertThat(wrong.intact()).isFalse();
    assertThat(wrong.problem().orElseThrow()).contains("position 2");

    ChainVerification beyond = read(() -> store().history().verifyChain(9, atTwo));
    assertThat(beyond.intact()).isFalse();
    assertThat(beyond.problems()).anySatisfy(p -> assertThat(p).contains("9"));
  }

  @Test
  default void aStoredCheckpointThatDisagreesWithTheChainIsABreak() {
    product("COLA");
    product("TEA");
    product("WATER");
    ChainHead head = head();
    save(new Checkpoint(head.genesis(), 2, "ab".repeat(32), "cd".repeat(32), Kit.MONDAY, null,
        null));
    save(new Checkpoint(head.genesis(), 7, "ab".repeat(32), "ef".repeat(32), Kit.MONDAY, null,
        null));
    save(new Checkpoint("12".repeat(32), 1, "ab".repeat(32), chained(1, 1).get(0).hash(),
        Kit.MONDAY, null, null));

    ChainVerification result = read(() -> store().history().verifyChain());
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).hasSize(3);
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size 2").contains("cd".repeat(32)));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size 7").contains("only 3"));
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size 1").contains("genesis"));
  }

  @Test
  default void thereIsNoLiveDriftAfterNormalUse() {
    StoreFixture.Reference ref = fixture().reference("R1");
    fixture().device(ref, "D1", 2, 5);
    Product cola = ref.cola();
    fixture().write(() -> store().products().update(new Product(cola.id(), cola.sku(), "Cola Zero",
        cola.category(), cola.price(), cola.casePack(), true, cola.version(), cola.stamp(),
        null)));
    Product tea = product("TEA");
    fixture().write(() -> {
      store().products().softDelete(tea.id());
      return null;
    });
    Product chips = product("CHIPS");
    fixture().write(() -> {
      store().products().softDelete(chips.id());
      return null;
    });
    fixture().write(() -> store().products().restore(chips.id()));

    assertThat(read(() -> store().history().liveDrift())).isEmpty();
    assertThat(read(() -> store().history().verifyChain()).intact()).isTrue();
  }

  private StoreFixture fixture() {
    return new StoreFixture(store());
  }
}
