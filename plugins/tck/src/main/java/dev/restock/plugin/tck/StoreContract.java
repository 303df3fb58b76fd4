package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.shared.AuditStamp;
import dev.restock.api.shared.Criteria;
import dev.restock.api.shared.Page;
import dev.restock.api.shared.PageRequest;
import dev.restock.api.shared.TextQuery;
import dev.restock.api.shared.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every store must meet, at the level of its ports: units of work that commit whole
 * or not at all and join when nested, optimistic versions, soft delete with the three visibility
 * modes, restore, uniqueness among live rows, history revisions, gapless numbering, paging,
 * text and criteria search, and the audit log. Extend it with a factory of fresh, empty stores.
 *
 * <p>Values given to criteria here are already of the field types, as the engine passes them
 * after checking them against {@link dev.restock.api.shared.SearchFields}.
 */
public abstract class StoreContract {
  private Store store;

  /** A factory opening a store on a new, empty database (or in-memory state). */
  protected abstract StoreFactory freshStore();

  /** Called after each test, after the store is closed; drop what {@link #freshStore} made. */
  protected void cleanUp() {}

  @BeforeEach
  void openStore() {
    store = freshStore().open();
  }

  @AfterEach
  void closeStore() {
    store.close();
    cleanUp();
  }

  private <T> T write(String action, Supplier<T> work) {
    return store.transactions().write(new AuditContext(Actor.system(), action), work);
  }

  private <T> T read(Supplier<T> work) {
    return store.transactions().read(work);
  }

  private static Product product(String sku, String name, String price) {
    return new Product(UUID.randomUUID(), sku, name, "Drinks", new BigDecimal(price), 6, true, 0,
        AuditStamp.NEW, null);
  }

  private Product add(String sku, String name, String price) {
    return write("product.create", () -> store.products().add(product(sku, name, price)));
  }

  @Test
  public void anAddedAggregateIsReadBackWithStampAndVersion() {
    Product added = add("COLA", "Cola", "1.50");

    Product read = read(() -> store.products().find(added.id(), Visibility.LIVE)).orElseThrow();
    assertThat(read.sku()).isEqualTo("COLA");
    assertThat(read.price()).isEqualByComparingTo("1.50");
    assertThat(read.stamp().createdBy()).isEqualTo(Actor.SYSTEM_ID);
    assertThat(read.stamp().createdAt()).isNotNull();
    assertThat(read(() -> store.products().findBySku("COLA"))).contains(read);
  }

  @Test
  public void aUnitOfWorkThatThrowsLeavesNothingAndNestedUnitsJoin() {
    assertThatThrownBy(() -> write("outer", () -> {
      store.products().add(product("A", "A", "1"));
      return write("inner", () -> {
        store.products().add(product("B", "B", "1"));
        throw new IllegalStateException("boom");
      });
    })).hasMessageContaining("boom");

    assertThat(read(() -> store.products().list(PageRequest.of(0, 10), Visibility.INCLUDE_DELETED))
        .total()).isZero();
  }

  @Test
  public void aStaleVersionIsAConflictAndChangesNothing() {
    Product added = add("COLA", "Cola", "1.50");
    Product renamed = write("product.update", () -> store.products().update(new Product(
        added.id(), "COLA", "Cola Zero", "Drinks", added.price(), 6, true, added.version(),
        added.stamp(), null)));

    assertThatThrownBy(() -> write("product.update", () -> store.products().update(new Product(
        added.id(), "COLA", "Stale", "Drinks", added.price(), 6, true, added.version(),
        added.stamp(), null)))).isInstanceOf(ConflictException.class);
    assertThat(read(() -> store.products().find(added.id(), Visibility.LIVE)).orElseThrow().name())
        .isEqualTo(renamed.name());
  }

  @Test
  public void softDeleteHidesRowsAndTheThreeVisibilitiesSeeWhatTheySay() {
    Product cola = add("COLA", "Cola", "1");
    add("TEA", "Tea", "1");
    write("product.delete", () -> {
      store.products().softDelete(cola.id());
      return null;
    });

    assertThat(read(() -> store.products().find(cola.id(), Visibility.LIVE))).isEmpty();
    assertThat(read(() -> store.products().find(cola.id(), Visibility.ONLY_DELETED))
        .orElseThrow().deletedAt()).isNotNull();
    assertThat(skus(Visibility.LIVE)).containsExactly("TEA");
    assertThat(skus(Visibility.ONLY_DELETED)).containsExactly("COLA");
    assertThat(skus(Visibility.INCLUDE_DELETED)).containsExactly("COLA", "TEA");
    assertThatThrownBy(() -> write("product.delete", () -> {
      store.products().softDelete(cola.id());
      return null;
    })).isInstanceOf(NotFoundException.class);
  }

  private List<String> skus(Visibility visibility) {
    return read(() -> store.products().list(PageRequest.of(0, 10), visibility)).items().stream()
        .map(Product::sku).toList();
  }

  @Test
  public void uniquenessHoldsAmongLiveRowsOnly() {
    Product first = add("COLA", "Cola", "1");
    assertThatThrownBy(() -> add("COLA", "Again", "1")).isInstanceOf(ConflictException.class);

    write("product.delete", () -> {
      store.products().softDelete(first.id());
      return null;
    });
    add("COLA", "Second life", "1");

    assertThatThrownBy(() -> write("product.restore", () -> store.products().restore(first.id())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  public void historyRecordsCreateUpdateDeleteAndRestoreAsRevisions() {
    Product cola = add("COLA", "Cola", "1.00");
    write("product.update", () -> store.products().update(new Product(cola.id(), "COLA", "Cola",
        "Drinks", new BigDecimal("1.20"), 6, true, cola.version(), cola.stamp(), null)));
    write("product.delete", () -> {
      store.products().softDelete(cola.id());
      return null;
    });
    write("product.restore", () -> store.products().restore(cola.id()));

    List<EntityRevision> revisions = read(() -> store.history().revisions(AuditedType.PRODUCT,
        cola.id()));
    assertThat(revisions).extracting(EntityRevision::kind).containsExactly(RevisionKind.CREATED,
        RevisionKind.MODIFIED, RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(revisions).extracting(r -> r.info().action())
        .containsExactly("product.create", "product.update", "product.delete", "product.restore");
    assertThat(revisions.get(1).state().get("price")).startsWith("1.2");
    assertThat(read(() -> store.history().revisions(AuditedType.PRODUCT, UUID.randomUUID())))
        .isEmpty();
  }

  @Test
  public void numbersAreGaplessAcrossThreadsAndARolledBackNumberIsGivenBack() throws Exception {
    assertThatThrownBy(() -> write("number", () -> {
      store.numberSeries().next("T-1");
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(pool.submit(() -> write("number", () -> store.numberSeries().next("T-1"))));
      }
      java.util.Set<Long> numbers = new java.util.TreeSet<>();
      for (Future<Long> f : futures) {
        numbers.add(f.get());
      }
      assertThat(numbers).hasSize(20).first().isEqualTo(1L);
      assertThat(numbers).last().isEqualTo(20L);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  public void pagesCarryTheirTotalAndSearchesFindByTextAndCriteria() {
    for (int i = 1; i <= 7; i++) {
      add(String.format("P%02d", i), i % 2 == 0 ? "Even " + i : "Odd " + i, i + ".00");
    }

    Page<Product> page = read(() -> store.products().list(PageRequest.of(1, 3), Visibility.LIVE));
    assertThat(page.items()).extracting(Product::sku).containsExactly("P04", "P05", "P06");
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.pages()).isEqualTo(3);

    assertThat(read(() -> store.products().search(TextQuery.contains("even"),
        PageRequest.of(0, 10), Visibility.LIVE)).items()).extracting(Product::sku)
        .containsExactly("P02", "P04", "P06");
    assertThat(read(() -> store.products().search(TextQuery.regex("^odd [1-3]$"),
        PageRequest.of(0, 10), Visibility.LIVE)).items()).extracting(Product::sku)
        .containsExactly("P01", "P03");
    assertThat(read(() -> store.products().find(
        Criteria.where("price", Criteria.Operator.GT, new BigDecimal("4")).sortBy("price", true),
        PageRequest.of(0, 2), Visibility.LIVE))).satisfies(p -> {
          assertThat(p.items()).extracting(Product::sku).containsExactly("P07", "P06");
          assertThat(p.total()).isEqualTo(3);
        });
  }

  @Test
  public void theAuditLogKeepsEventsOfCommittedUnitsOnly() {
    UUID resource = UUID.randomUUID();
    write("product.create", () -> {
      store.auditLog().accept(new AuditEvent(0, Instant.now(), Actor.SYSTEM_ID, "product.create",
          "product", resource, Map.of("reason", "kit"), null, null, "c-1"));
      return null;
    });
    assertThatThrownBy(() -> write("product.update", () -> {
      store.auditLog().accept(new AuditEvent(0, Instant.now(), Actor.SYSTEM_ID, "product.update",
          "product", resource, Map.of(), null, null, null));
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");

    List<AuditEvent> events = read(() -> store.auditLog().events(Actor.SYSTEM_ID, "product",
        resource, Instant.EPOCH));
    assertThat(events).extracting(AuditEvent::action).containsExactly("product.create");
    assertThat(events.get(0).details()).containsEntry("reason", "kit");
    assertThat(events.get(0).correlationId()).isEqualTo("c-1");
    assertThat(read(() -> store.auditLog().activity(null, Instant.EPOCH)))
        .extracting(a -> a.action() + "=" + a.count()).containsExactly("product.create=1");
  }

  @Test
  public void repositoriesRefuseToWorkOutsideAUnitOfWork() {
    assertThatThrownBy(() -> store.products().list(PageRequest.of(0, 1), Visibility.LIVE))
        .isInstanceOf(IllegalStateException.class);
  }
}
