package dev.restock.plugin.storememory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.catalog.Product;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import dev.restock.plugin.tck.StoreFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What only the in-memory store can show: separate stores, its clock, and closing. */
class MemoryStoreLifecycleTest {
  @Test
  void eachOpenedStoreIsNewAndEmptyAndStampsTimesFromItsClock() {
    Instant fixed = Instant.parse("2026-03-01T10:00:00Z");
    StoreFactory factory = MemoryStore.factory(Clock.fixed(fixed, ZoneOffset.UTC));
    try (Store first = factory.open(); Store second = factory.open()) {
      Product cola = new StoreFixture(first).write(() -> first.products().add(
          StoreFixture.product("COLA", "Cola", "1.50")));

      assertThat(cola.stamp().createdAt()).isEqualTo(fixed);
      assertThat(second.transactions().read(() -> second.products().list(PageRequest.first(),
          Visibility.INCLUDE_DELETED)).total()).isZero();
    }
  }

  @Test
  void aClosedStoreRefusesNewUnitsOfWorkAndSaysItIsDown() {
    Store store = MemoryStore.factory().open();
    store.close();

    assertThatThrownBy(() -> store.transactions().read(() -> null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(store.health().up()).isFalse();
    assertThat(store.health().problem()).contains("closed");
  }
}
