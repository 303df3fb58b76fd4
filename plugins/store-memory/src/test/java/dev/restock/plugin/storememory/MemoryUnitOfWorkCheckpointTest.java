package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Automatic checkpoints count a unit of work the host composed as the one revision it is. */
class MemoryUnitOfWorkCheckpointTest {
  private final Restock engine = RestockEngine.builder()
      .store(() -> MemoryStore.factory().open()).checkpointEvery(2, null).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static CreateProduct product(String sku) {
    return new CreateProduct(sku, sku, "Drinks", new BigDecimal("1.00"), 6);
  }

  private List<Checkpoint> checkpoints() {
    return engine.as(Actor.system()).history().checkpoints();
  }

  @Test
  void threeCallsInOneUnitCountAsOneRevisionTowardsTheNextCheckpoint() throws Exception {
    engine.runInUnitOfWork(Actor.system(), s -> {
      s.products().create(product("A"));
      s.products().create(product("B"));
      s.products().create(product("C"));
    });
    // one revision of the two a checkpoint waits for: none is made
    Thread.sleep(1000);
    assertThat(checkpoints()).isEmpty();

    engine.as(Actor.system()).products().create(product("D"));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (checkpoints().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(checkpoints()).singleElement().extracting(Checkpoint::size).isEqualTo(2L);
  }
}
