package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.ops.Statistics;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional second-level cache: hits are counted, and every write through the engine shows. */
abstract class CacheContractTest {
  private FreshDatabase db;
  private Restock engine;
  private RestockSession session;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    db = database().fresh();
    engine = RestockEngine.builder()
        .store(JpaStores.of(db.config().withSecondLevelCache(true))).build();
    session = engine.as(Actor.system());
  }

  @AfterEach
  void close() {
    engine.close();
    db.close();
  }

  @Test
  void repeatedReadsAreServedFromTheCacheAndCounted() {
    Product cola = session.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    session.products().get(cola.id());
    Statistics before = engine.statistics();

    for (int i = 0; i < 5; i++) {
      session.products().get(cola.id());
    }

    Statistics after = engine.statistics();
    assertThat(after.cacheHits() - before.cacheHits()).isGreaterThanOrEqualTo(5);
    assertThat(after.cacheHitRate()).isPositive();
  }

  @Test
  void aCachedReadSeesACommittedUpdateDeleteAndRestore() {
    Product cola = session.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    assertThat(session.products().get(cola.id()).name()).isEqualTo("Cola");

    session.products().update(cola.id(), new UpdateProduct(null, "Cola Zero", null, null, null,
        null));
    assertThat(session.products().get(cola.id()).name()).isEqualTo("Cola Zero");

    session.products().delete(cola.id());
    assertThatThrownBy(() -> session.products().get(cola.id()))
        .isInstanceOf(NotFoundException.class);

    session.products().restore(cola.id());
    assertThat(session.products().get(cola.id()).name()).isEqualTo("Cola Zero");
  }

  @Test
  void aRolledBackUpdateNeverReachesTheCache() {
    Product cola = session.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    session.products().create(new CreateProduct("TEA", "Tea", "Drinks", BigDecimal.ONE, 6));
    session.products().get(cola.id());

    // renaming the sku to one that is taken fails at flush and rolls back
    assertThatThrownBy(() -> session.products().update(cola.id(),
        new UpdateProduct("TEA", "Renamed", null, null, null, null)))
        .isInstanceOf(dev.restock.api.error.ConflictException.class);

    Product read = session.products().get(cola.id());
    assertThat(read.sku()).isEqualTo("COLA");
    assertThat(read.name()).isEqualTo("Cola");
  }
}
