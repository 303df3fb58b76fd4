package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.catalog.Product;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tampering every store must detect: history altered behind the store's ports, through the
 * store's own {@link HistoryTampering}. Each case writes three products, each in a unit of its
 * own with an audit event, checks that verification finds the chain intact, alters it, and
 * expects {@code verifyChain} to report a break naming the revision concerned (or {@code
 * liveDrift} to list a live row edited behind the store's back). A store whose verification
 * answers "intact" without looking fails these cases.
 *
 * <p>Implemented by {@link StoreContract} and {@link ChainContract}; a store author extends one
 * of those and answers {@link #tampering()} rather than implementing this interface.
 */
@Experimental(since = "0.2")
public interface HistoryTamperContract extends StoreUnderTest {
  /**
   * The hook that alters the recorded history of {@link #store()}, for the current test.
   *
   * @return tampering of the store under test
   */
  HistoryTampering tampering();

  @Test
  default void aFieldChangedInARecordedRevisionIsABreakAtThatRevision() {
    List<ChainedRevision> chain = threeProductsChained();
    Product tea = product("TEA");

    tampering().changeRecordedName(chain.get(1).revisionId(), tea.id(), "Forged tea");

    assertBrokenAt(chain.get(1).revisionId());
  }

  @Test
  default void anAuditEventChangedInARecordedRevisionIsABreakAtThatRevision() {
    List<ChainedRevision> chain = threeProductsChained();

    tampering().changeEventDetails(chain.get(1).revisionId(), "sku", "FORGED");

    assertBrokenAt(chain.get(1).revisionId());
  }

  @Test
  default void aDeletedRevisionIsABreakAtTheRevisionAfterIt() {
    List<ChainedRevision> chain = threeProductsChained();

    tampering().deleteRevision(chain.get(1).revisionId());

    ChainVerification result = verify();
    assertBrokenAt(chain.get(2).revisionId());
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("revision " + chain.get(2).revisionId()).contains("missing"));
  }

  @Test
  default void theNewestRevisionDeletedWithTheHeadMovedBackIsABreakAtTheHead() {
    List<ChainedRevision> chain = threeProductsChained();

    tampering().deleteRevision(chain.get(2).revisionId());
    tampering().moveHead(2, chain.get(2).hash());

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.firstBroken()).isPresent();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("head")
        .contains(chain.get(2).hash()));
  }

  @Test
  default void aHeadHashThatDisagreesWithTheChainIsABreak() {
    threeProductsChained();
    String forged = "ab".repeat(32);

    tampering().moveHead(3, forged);

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("head")
        .contains(forged));
  }

  @Test
  default void theNewestRevisionRemovedWithAConsistentHeadIsCaughtByTheStoredCheckpoint() {
    List<ChainedRevision> chain = threeProductsChained();
    String genesis = Kit.read(store(), () -> store().history().chainHead()).genesis();
    Kit.write(store(), "checkpoint", () -> {
      store().history().saveCheckpoint(new Checkpoint(genesis, 3, "cd".repeat(32),
          chain.get(2).hash(), Kit.MONDAY, null, null));
      return null;
    });

    // a careful attacker leaves a head that agrees with what remains of the chain
    tampering().deleteRevision(chain.get(2).revisionId());
    tampering().moveHead(2, chain.get(1).hash());

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p)
        .contains("checkpoint at size 3").contains("only 2"));
  }

  @Test
  default void aLiveRowChangedBehindTheStoresBackIsLiveDrift() {
    threeProductsChained();
    Product cola = product("COLA");

    tampering().changeLiveName(cola.id(), "Forged cola");

    List<LiveDrift> drift = Kit.read(store(), () -> store().history().liveDrift());
    assertThat(drift).singleElement().satisfies(d -> {
      assertThat(d.type()).isEqualTo(AuditedType.PRODUCT);
      assertThat(d.id()).isEqualTo(cola.id());
      assertThat(d.field()).isEqualTo("name");
      assertThat(d.audited()).isEqualTo("Cola");
      assertThat(d.live()).isEqualTo("Forged cola");
    });
  }

  /**
   * Writes COLA, TEA and WATER, each in a unit of its own with an audit event, and answers the
   * three chained revisions after checking that the untouched chain verifies and has no drift.
   */
  private List<ChainedRevision> threeProductsChained() {
    for (String[] p : new String[][] {{"COLA", "Cola"}, {"TEA", "Tea"}, {"WATER", "Water"}}) {
      store().transactions().write(new AuditContext(Actor.system(), "product.create"), () -> {
        Product added = store().products().add(StoreFixture.product(p[0], p[1], "1.50"));
        store().auditLog().accept(new AuditEvent(0, Kit.MONDAY,
            Actor.SYSTEM_ID, "product.create", "product", added.id(), Map.of("sku", p[0]), null,
            null, null));
        return added;
      });
    }
    List<ChainedRevision> chain = new ArrayList<>();
    Kit.read(store(), () -> {
      store().history().chained(1, Long.MAX_VALUE, chain::add);
      return null;
    });
    assertThat(chain).hasSize(3);
    ChainVerification untouched = verify();
    assertThat(untouched.intact()).as("before tampering: %s", untouched.problems()).isTrue();
    assertThat(Kit.read(store(), () -> store().history().liveDrift())).isEmpty();
    return chain;
  }

  private Product product(String sku) {
    return Kit.read(store(), () -> store().products().findBySku(sku)).orElseThrow();
  }

  private ChainVerification verify() {
    return Kit.read(store(), () -> store().history().verifyChain());
  }

  private void assertBrokenAt(long revision) {
    ChainVerification result = verify();
    assertThat(result.intact()).as("verification after tampering").isFalse();
    assertThat(result.firstBroken()).contains(revision);
    assertThat(result.problem().orElseThrow()).contains("revision " + revision);
  }
}
