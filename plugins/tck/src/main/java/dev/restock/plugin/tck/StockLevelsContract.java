package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stock.StockLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code StockLevels} port: levels set in batches, never negative, with
 * no lost concurrent increments and a history revision per change, and found by criteria with zero
 * for live products never stocked.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface StockLevelsContract extends StoreUnderTest {
  @Test
  default void stockLevelsAreSetInBatchesNeverNegativeAndConcurrentIncrementsAreNotLost()
      throws Exception {
    Product cola = add("COLA", "Cola", "1.50");
    Product water = add("WATER", "Water", "1.00");
    assertThat(read(() -> store().stock().onHand(List.of(cola.id())))).isEmpty();

    write("stock.receive", () -> {
      store().stock().set(Map.of(cola.id(), 10, water.id(), 4));
      return null;
    });
    assertThatThrownBy(() -> write("stock.adjust", () -> {
      store().stock().set(Map.of(cola.id(), 3, water.id(), -1));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(read(() -> store().stock().all())).containsEntry(cola.id(), 10)
        .containsEntry(water.id(), 4).hasSize(2);

    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          for (int attempt = 1; ; attempt++) {
            try {
              write("stock.receive", () -> {
                int now = store().stock().onHand(List.of(cola.id())).get(cola.id());
                store().stock().set(Map.of(cola.id(), now + 1));
                return null;
              });
              return attempt;
            } catch (ConflictException raced) {
              // another unit changed the level after this one read it: read again
            }
          }
        }));
      }
      for (Future<Integer> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(read(() -> store().stock().onHand(List.of(cola.id())))).containsEntry(cola.id(),
        10 + threads);
    assertThat(kinds(AuditedType.STOCK, cola.id()).get(0)).isEqualTo(RevisionKind.CREATED);
    assertThat(kinds(AuditedType.STOCK, cola.id())).hasSize(1 + threads);
  }

  @Test
  default void stockLevelsOfLiveProductsAreFoundByCriteriaWithZeroForProductsNeverStocked() {
    Product cola = add("COLA", "Cola", "1.50");
    Product water = add("WATER", "Still water", "1.00");
    Product chips = write("product.create", () -> store().products().add(new Product(
        UUID.randomUUID(), "CHIPS", "Chips", "Snacks", new BigDecimal("0.80"), 10, true, 0,
        AuditStamp.NEW, null)));
    Product gum = add("GUM", "Gum", "0.50");
    Product old = add("OLD", "Old cola", "1.00");
    write("stock.receive", () -> {
      store().stock().set(Map.of(cola.id(), 30, water.id(), 5, chips.id(), 0, old.id(), 3));
      store().products().softDelete(old.id());
      return null;
    });

    Page<StockLevel> all = read(() -> store().stock().find(
        SearchFields.STOCK_LEVEL.check(Criteria.all()), PageRequest.of(0, 3)));
    assertThat(all.items()).containsExactly(new StockLevel(chips.id(), "CHIPS", "Chips", 0),
        new StockLevel(cola.id(), "COLA", "Cola", 30), new StockLevel(gum.id(), "GUM", "Gum", 0));
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.pages()).isEqualTo(2);

    assertThat(levels(Criteria.where("onHand", Criteria.Operator.LE, 5)
        .sortBy("onHand", Kit.DESCENDING))).containsExactly("WATER", "CHIPS", "GUM");
    assertThat(levels(Criteria.where("category", Criteria.Operator.EQ, "Drinks")
        .and("onHand", Criteria.Operator.GT, 0))).containsExactly("COLA", "WATER");
    assertThat(levels(Criteria.where("name", Criteria.Operator.CONTAINS, "COLA")))
        .containsExactly("COLA");
    assertThat(levels(Criteria.where("productId", Criteria.Operator.IN, old.id().toString(),
        gum.id().toString()))).containsExactly("GUM");
    assertThat(levels(Criteria.where("sku", Criteria.Operator.STARTS_WITH, "w")
        .and("category", Criteria.Operator.IS_NOT_NULL))).containsExactly("WATER");
    assertThat(levels(Criteria.where("onHand", Criteria.Operator.BETWEEN, 1, 29))).containsExactly(
        "WATER");
  }

  private List<String> levels(Criteria criteria) {
    return read(() -> store().stock().find(SearchFields.STOCK_LEVEL.check(criteria),
        PageRequest.of(0, 10))).items().stream().map(StockLevel::sku).toList();
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

  private List<RevisionKind> kinds(AuditedType type, UUID id) {
    return Kit.kinds(store(), type, id);
  }
}
