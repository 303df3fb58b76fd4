package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.catalog.Product;
import dev.restock.plugin.tck.StoreFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What tampering means in memory (test hooks stand in for SQL): a removed newest revision with
 * the head moved back, a moved head hash against a checkpoint, and a row changed behind the
 * history's back.
 */
class MemoryChainTamperTest {
  private MemoryStore store;
  private StoreFixture fixture;
  private Product cola;

  @BeforeEach
  void open() {
    store = (MemoryStore) MemoryStore.factory().open();
    fixture = new StoreFixture(store);
    cola = fixture.write(() -> store.products().add(StoreFixture.product("COLA", "Cola", "1.50")));
    fixture.write(() -> store.products().add(StoreFixture.product("TEA", "Tea", "1.00")));
    fixture.write(() -> store.products().add(StoreFixture.product("WATER", "Water", "0.90")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ChainVerification verify() {
    return store.transactions().read(() -> store.history().verifyChain());
  }

  private List<ChainedRevision> chained() {
    List<ChainedRevision> all = new ArrayList<>();
    store.transactions().read(() -> {
      store.history().chained(1, Long.MAX_VALUE, all::add);
      return null;
    });
    return all;
  }

  private void hook(Runnable tamper) {
    store.transactions().write(new AuditContext(Actor.system(), "tamper"), () -> {
      tamper.run();
      return null;
    });
  }

  @Test
  void theNewestRevisionRemovedWithTheHeadMovedBackIsABreak() {
    List<ChainedRevision> all = chained();
    hook(() -> {
      store.memoryHistory().dropRevision(all.get(2).revisionId());
      store.memoryHistory().moveHead(2, all.get(2).hash());
    });

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problem().orElseThrow()).contains("head").contains(all.get(2).hash());
  }

  @Test
  void aHeadMovedBackWithItsHashIsCaughtByTheCheckpoint() {
    ChainHead head = store.transactions().read(() -> store.history().chainHead());
    List<ChainedRevision> all = chained();
    store.transactions().write(new AuditContext(Actor.system(), "checkpoint"), () -> {
      store.history().saveCheckpoint(new Checkpoint(head.genesis(), 3, "ab".repeat(32),
          head.hash(), Instant.now(), null, null));
      return null;
    });
    hook(() -> {
      store.memoryHistory().dropRevision(all.get(2).revisionId());
      store.memoryHistory().moveHead(2, all.get(1).hash());
    });

    ChainVerification result = verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p)
        .contains("checkpoint at size 3").contains("only 2"));
  }

  @Test
  void aMiddleRevisionRemovedIsAGap() {
    List<ChainedRevision> all = chained();
    hook(() -> store.memoryHistory().dropRevision(all.get(1).revisionId()));

    ChainVerification result = verify();
    assertThat(result.firstBroken()).contains(all.get(2).revisionId());
    assertThat(result.problem().orElseThrow()).contains("missing");
  }

  @Test
  void aRowChangedBehindTheHistorysBackIsDrift() {
    MemoryProducts products = (MemoryProducts) store.products();
    hook(() -> products.table.put(cola.id(), new Product(cola.id(), "COLA", "Cola",
        cola.category(), new BigDecimal("0.01"), cola.casePack(), true, cola.version(),
        cola.stamp(), null)));

    List<LiveDrift> drift = store.transactions().read(() -> store.history().liveDrift());
    assertThat(drift).singleElement().satisfies(d -> {
      assertThat(d.type()).isEqualTo(AuditedType.PRODUCT);
      assertThat(d.id()).isEqualTo(cola.id());
      assertThat(d.field()).isEqualTo("price");
      assertThat(d.audited()).isEqualTo("1.50");
      assertThat(d.live()).isEqualTo("0.01");
    });
    assertThat(verify().intact()).isTrue();
  }
}
