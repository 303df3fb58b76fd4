package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code Products} port, and through it what every repository port
 * shares: adding and reading back with stamp and version, optimistic versions, soft delete with
 * the three visibilities and restore, uniqueness among live rows (also under concurrent writers),
 * paging with totals, text search and every criteria operator with its sort order.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface ProductsContract extends StoreUnderTest {
  @Test
  default void anAddedAggregateIsReadBackWithStampAndVersion() {
    Product added = add("COLA", "Cola", "1.50");

    Product read = read(() -> store().products().find(added.id(), Visibility.LIVE)).orElseThrow();
    assertThat(read.sku()).isEqualTo("COLA");
    assertThat(read.price()).isEqualByComparingTo("1.50");
    assertThat(read.stamp().createdBy()).isEqualTo(Actor.SYSTEM_ID);
    assertThat(read.stamp().createdAt()).isNotNull();
    assertThat(read(() -> store().products().findBySku("COLA"))).contains(read);
  }

  @Test
  default void aStaleVersionIsAConflictAndChangesNothing() {
    Product added = add("COLA", "Cola", "1.50");
    Product renamed = write("product.update", () -> store().products().update(new Product(
        added.id(), "COLA", "Cola Zero", "Drinks", added.price(), 6, true, added.version(),
        added.stamp(), null)));

    assertThatThrownBy(() -> write("product.update", () -> store().products().update(new Product(
        added.id(), "COLA", "Stale", "Drinks", added.price(), 6, true, added.version(),
        added.stamp(), null)))).isInstanceOf(ConflictException.class);
    assertThat(read(() -> store().products().find(added.id(), Visibility.LIVE)).orElseThrow().name())
        .isEqualTo(renamed.name());
  }

  @Test
  default void softDeleteHidesRowsAndTheThreeVisibilitiesSeeWhatTheySay() {
    Product cola = add("COLA", "Cola", "1");
    add("TEA", "Tea", "1");
    write("product.delete", () -> {
      store().products().softDelete(cola.id());
      return null;
    });

    assertThat(read(() -> store().products().find(cola.id(), Visibility.LIVE))).isEmpty();
    assertThat(read(() -> store().products().find(cola.id(), Visibility.ONLY_DELETED))
        .orElseThrow().deletedAt()).isNotNull();
    assertThat(skus(Visibility.LIVE)).containsExactly("TEA");
    assertThat(skus(Visibility.ONLY_DELETED)).containsExactly("COLA");
    assertThat(skus(Visibility.INCLUDE_DELETED)).containsExactly("COLA", "TEA");
    assertThatThrownBy(() -> write("product.delete", () -> {
      store().products().softDelete(cola.id());
      return null;
    })).isInstanceOf(NotFoundException.class);
  }

  @Test
  default void uniquenessHoldsAmongLiveRowsOnly() {
    Product first = add("COLA", "Cola", "1");
    assertThatThrownBy(() -> add("COLA", "Again", "1")).isInstanceOf(ConflictException.class);

    write("product.delete", () -> {
      store().products().softDelete(first.id());
      return null;
    });
    add("COLA", "Second life", "1");

    assertThatThrownBy(() -> write("product.restore", () -> store().products().restore(first.id())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  default void pagesCarryTheirTotalAndSearchesFindByTextAndCriteria() {
    for (int i = 1; i <= 7; i++) {
      add(String.format("P%02d", i), i % 2 == 0 ? "Even " + i : "Odd " + i, i + ".00");
    }

    Page<Product> page = read(() -> store().products().list(PageRequest.of(1, 3), Visibility.LIVE));
    assertThat(page.items()).extracting(Product::sku).containsExactly("P04", "P05", "P06");
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.pages()).isEqualTo(3);

    assertThat(read(() -> store().products().search(TextQuery.contains("even"),
        PageRequest.of(0, 10), Visibility.LIVE)).items()).extracting(Product::sku)
        .containsExactly("P02", "P04", "P06");
    assertThat(read(() -> store().products().search(TextQuery.regex("^odd [1-3]$"),
        PageRequest.of(0, 10), Visibility.LIVE)).items()).extracting(Product::sku)
        .containsExactly("P01", "P03");
    assertThat(read(() -> store().products().find(
        Criteria.where("price", Criteria.Operator.GT, new BigDecimal("4")).sortBy("price", Kit.DESCENDING),
        PageRequest.of(0, 2), Visibility.LIVE))).satisfies(p -> {
          assertThat(p.items()).extracting(Product::sku).containsExactly("P07", "P06");
          assertThat(p.total()).isEqualTo(3);
        });
  }

  @Test
  default void everyCriteriaOperatorFiltersAndSortsAsOnTheOtherStores() {
    Object[][] rows = {{"COLA", "Cola", "Drinks", "1.50", 24}, {"TEA", "Tea", "Drinks", "1.20", 6},
        {"CHIPS", "Chips", "Snacks", "0.80", 10}, {"NUTS", "Nuts", "Snacks", "2.10", 12},
        {"WATER", "Water", "Drinks", "0.90", 12}};
    for (Object[] r : rows) {
      write("product.create", () -> store().products().add(new Product(UUID.randomUUID(),
          (String) r[0], (String) r[1], (String) r[2], new BigDecimal((String) r[3]), (Integer) r[4],
          !"TEA".equals(r[0]), 0, AuditStamp.NEW, null)));
    }

    assertThat(found(Criteria.where("category", Criteria.Operator.EQ, "Drinks")))
        .containsExactly("COLA", "TEA", "WATER");
    assertThat(found(Criteria.where("category", Criteria.Operator.EQ, "drinks"))).isEmpty();
    assertThat(found(Criteria.where("category", Criteria.Operator.NE, "Drinks")))
        .containsExactly("CHIPS", "NUTS");
    assertThat(found(Criteria.where("sku", Criteria.Operator.IN, "TEA", "NUTS", "NONE")))
        .containsExactly("NUTS", "TEA");
    assertThat(found(Criteria.where("name", Criteria.Operator.CONTAINS, "A")))
        .containsExactly("COLA", "TEA", "WATER");
    assertThat(found(Criteria.where("name", Criteria.Operator.STARTS_WITH, "c")))
        .containsExactly("CHIPS", "COLA");
    assertThat(found(Criteria.where("name", Criteria.Operator.CONTAINS, "_%"))).isEmpty();
    assertThat(found(Criteria.where("price", Criteria.Operator.LT, "1.00")))
        .containsExactly("CHIPS", "WATER");
    assertThat(found(Criteria.where("price", Criteria.Operator.GE, "1.5")))
        .containsExactly("COLA", "NUTS");
    assertThat(found(Criteria.where("price", Criteria.Operator.BETWEEN, "0.90", "1.20")))
        .containsExactly("TEA", "WATER");
    assertThat(found(Criteria.where("casePack", Criteria.Operator.GT, 10)
        .and("active", Criteria.Operator.EQ, true))).containsExactly("COLA", "NUTS", "WATER");
    assertThat(found(Criteria.where("active", Criteria.Operator.EQ, "false")))
        .containsExactly("TEA");
    assertThat(found(Criteria.where("createdAt", Criteria.Operator.LE,
        Kit.LATER))).hasSize(5);
    assertThat(found(Criteria.where("category", Criteria.Operator.IS_NULL))).isEmpty();
    assertThat(found(Criteria.where("category", Criteria.Operator.IS_NOT_NULL))).hasSize(5);
    assertThat(found(Criteria.where("category", Criteria.Operator.EQ, "Drinks")
        .sortBy("casePack", Kit.ASCENDING).sortBy("sku", Kit.DESCENDING))).containsExactly("TEA", "WATER", "COLA");
    Page<Product> page = read(() -> store().products().find(
        SearchFields.PRODUCT.check(Criteria.all().sortBy("price", Kit.DESCENDING)), PageRequest.of(1, 2),
        Visibility.LIVE));
    assertThat(page.items()).extracting(Product::sku).containsExactly("TEA", "WATER");
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.pages()).isEqualTo(3);
  }

  @Test
  default void emptyValuesComeFirstInAscendingOrderAndLastInDescendingOrder() {
    for (String[] r : new String[][] {{"A", "Snacks"}, {"B", null}, {"C", "Drinks"},
        {"D", null}}) {
      write("product.create", () -> store().products().add(new Product(UUID.randomUUID(), r[0],
          "Product " + r[0], r[1], BigDecimal.ONE, 1, true, 0, AuditStamp.NEW, null)));
    }

    assertThat(found(Criteria.all().sortBy("category", Kit.ASCENDING)))
        .containsExactly("B", "D", "C", "A");
    assertThat(found(Criteria.all().sortBy("category", Kit.DESCENDING)))
        .containsExactly("A", "C", "B", "D");
    assertThat(found(Criteria.all().sortBy("category", Kit.DESCENDING)
        .sortBy("sku", Kit.DESCENDING))).containsExactly("A", "C", "D", "B");
  }

  /** Skus found by criteria converted as the engine converts them. */
  private List<String> found(Criteria criteria) {
    Criteria typed = SearchFields.PRODUCT.check(criteria);
    return read(() -> store().products().find(typed, PageRequest.of(0, 50), Visibility.LIVE))
        .items().stream().map(Product::sku).toList();
  }

  @Test
  default void concurrentUnitsAddingTheSameKeyLeaveExactlyOneRow() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<Future<Boolean>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          start.await();
          try {
            add("SAME", "Writer " + n, "1");
            return true;
          } catch (ConflictException lost) {
            return false;
          }
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : futures) {
        won += f.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(read(() -> store().products().list(PageRequest.of(0, 10),
        Visibility.INCLUDE_DELETED)).total()).isEqualTo(1);
    assertThat(read(() -> store().history().verifyChain()).intact()).isTrue();
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }

  private Product add(String sku, String name, String price) {
    return Kit.add(store(), sku, name, price);
  }

  private List<String> skus(Visibility visibility) {
    return Kit.skus(store(), visibility);
  }
}
