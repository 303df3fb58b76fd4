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
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotLocation;
import dev.restock.api.report.StockValuation;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.SearchFields;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * or not at all, join when nested and run after-commit actions only on commit; optimistic
 * versions; soft delete with the three visibility modes and restore, including the device and
 * planogram cascades; uniqueness among live rows, also under concurrent writers; history
 * revisions (who, what, why, from where), states at a time, devices at a time, changes by an
 * actor and the hash chain; gapless numbering; paging, text and criteria search; users, service
 * orders, stock levels (no lost updates), delivery notes, sales, reports and the audit log.
 * Extend it with a factory of fresh, empty stores; {@link StoreFixture} writes the rows the tests
 * need through the store's own ports.
 *
 * <p>Values given to criteria here are already of the field types, as the engine passes them
 * after checking them against {@link dev.restock.api.query.SearchFields}.
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
  public void theLatestDeletionOfManyEntitiesIsReadAtOnce() {
    Product cola = add("COLA", "Cola", "1");
    Product tea = add("TEA", "Tea", "1");
    Product kept = add("MILK", "Milk", "1");
    write("product.delete", () -> {
      store.products().softDelete(cola.id());
      return null;
    });
    write("product.restore", () -> store.products().restore(cola.id()));
    store.transactions().write(new AuditContext(Actor.system().withReason("second time"),
        "product.delete"), () -> {
          store.products().softDelete(cola.id());
          store.products().softDelete(tea.id());
          return null;
        });

    Map<UUID, RevisionInfo> deletions = read(() -> store.history().lastDeletions(
        AuditedType.PRODUCT, List.of(cola.id(), tea.id(), kept.id(), UUID.randomUUID())));

    assertThat(deletions).containsOnlyKeys(cola.id(), tea.id());
    assertThat(deletions.get(cola.id()).reason()).isEqualTo("second time");
    assertThat(deletions.get(cola.id()).number()).isEqualTo(deletions.get(tea.id()).number());
    assertThat(read(() -> store.history().lastDeletions(AuditedType.PRODUCT, List.of())))
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
  public void everyCriteriaOperatorFiltersAndSortsAsOnTheOtherStores() {
    Object[][] rows = {{"COLA", "Cola", "Drinks", "1.50", 24}, {"TEA", "Tea", "Drinks", "1.20", 6},
        {"CHIPS", "Chips", "Snacks", "0.80", 10}, {"NUTS", "Nuts", "Snacks", "2.10", 12},
        {"WATER", "Water", "Drinks", "0.90", 12}};
    for (Object[] r : rows) {
      write("product.create", () -> store.products().add(new Product(UUID.randomUUID(),
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
        Instant.now().plusSeconds(60)))).hasSize(5);
    assertThat(found(Criteria.where("category", Criteria.Operator.IS_NULL))).isEmpty();
    assertThat(found(Criteria.where("category", Criteria.Operator.IS_NOT_NULL))).hasSize(5);
    assertThat(found(Criteria.where("category", Criteria.Operator.EQ, "Drinks")
        .sortBy("casePack", false).sortBy("sku", true))).containsExactly("TEA", "WATER", "COLA");
    Page<Product> page = read(() -> store.products().find(
        SearchFields.PRODUCT.check(Criteria.all().sortBy("price", true)), PageRequest.of(1, 2),
        Visibility.LIVE));
    assertThat(page.items()).extracting(Product::sku).containsExactly("TEA", "WATER");
    assertThat(page.total()).isEqualTo(5);
    assertThat(page.pages()).isEqualTo(3);
  }

  @Test
  public void emptyValuesSortFirstAscendingAndLastDescendingOnEveryStore() {
    for (String[] r : new String[][] {{"A", "Snacks"}, {"B", null}, {"C", "Drinks"},
        {"D", null}}) {
      write("product.create", () -> store.products().add(new Product(UUID.randomUUID(), r[0],
          "Product " + r[0], r[1], BigDecimal.ONE, 1, true, 0, AuditStamp.NEW, null)));
    }

    assertThat(found(Criteria.all().sortBy("category", false)))
        .containsExactly("B", "D", "C", "A");
    assertThat(found(Criteria.all().sortBy("category", true)))
        .containsExactly("A", "C", "B", "D");
    assertThat(found(Criteria.all().sortBy("category", true).sortBy("sku", true)))
        .containsExactly("A", "C", "D", "B");
  }

  /** Skus found by criteria converted as the engine converts them. */
  private List<String> found(Criteria criteria) {
    Criteria typed = SearchFields.PRODUCT.check(criteria);
    return read(() -> store.products().find(typed, PageRequest.of(0, 50), Visibility.LIVE))
        .items().stream().map(Product::sku).toList();
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
  public void auditEventsAreFoundByCriteriaNewestFirst() {
    UUID ann = UUID.randomUUID();
    UUID bob = UUID.randomUUID();
    UUID cola = UUID.randomUUID();
    UUID water = UUID.randomUUID();
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    Object[][] rows = {
        {monday, ann, "product.create", cola, "10.0.0.1", "c-1"},
        {monday.plusSeconds(60), ann, "product.create", water, "10.0.0.1", "c-1"},
        {monday.plusSeconds(86_400), bob, "product.update", cola, "10.0.0.2", null},
        {monday.plusSeconds(86_400), bob, "product.delete", water, null, "c-2"},
        {monday.plusSeconds(2 * 86_400), ann, "product.restore", water, "10.0.0.1", null}};
    for (Object[] r : rows) {
      write((String) r[2], () -> {
        store.auditLog().accept(new AuditEvent(0, (Instant) r[0], (UUID) r[1], (String) r[2],
            "product", (UUID) r[3], Map.of("sku", "S"), (String) r[4], "kit/1", (String) r[5]));
        return null;
      });
    }
    assertThatThrownBy(() -> write("product.delete", () -> {
      store.auditLog().accept(new AuditEvent(0, monday.plusSeconds(3 * 86_400), ann,
          "product.delete", "product", cola, Map.of(), null, null, null));
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");

    Page<AuditEvent> all = read(() -> store.auditLog().find(
        SearchFields.AUDIT_EVENT.check(Criteria.all()), PageRequest.of(0, 3)));
    // newest first; the two events of Tuesday in the reverse of the order they were written
    assertThat(all.items()).extracting(AuditEvent::action)
        .containsExactly("product.restore", "product.delete", "product.update");
    assertThat(all.items().get(0).details()).containsEntry("sku", "S");
    assertThat(all.items().get(0).revision()).isPositive();
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.pages()).isEqualTo(2);

    assertThat(events(Criteria.where("actorId", Criteria.Operator.EQ, ann.toString())
        .and("resourceId", Criteria.Operator.EQ, water.toString())))
        .containsExactly("product.restore", "product.create");
    assertThat(events(Criteria.where("action", Criteria.Operator.STARTS_WITH, "product.")
        .and("at", Criteria.Operator.BETWEEN, "2026-01-06T00:00:00Z", "2026-01-06T23:59:59Z")
        .sortBy("action", false))).containsExactly("product.delete", "product.update");
    assertThat(events(Criteria.where("correlationId", Criteria.Operator.EQ, "c-1")
        .and("clientAddress", Criteria.Operator.EQ, "10.0.0.1").sortBy("at", false)))
        .containsExactly("product.create", "product.create");
    assertThat(events(Criteria.where("clientAddress", Criteria.Operator.IS_NULL)))
        .containsExactly("product.delete");
    assertThat(events(Criteria.where("userAgent", Criteria.Operator.CONTAINS, "KIT")
        .and("resourceType", Criteria.Operator.IN, "product", "device"))).hasSize(5);
    assertThat(events(Criteria.where("action", Criteria.Operator.EQ, "product.delete")
        .and("at", Criteria.Operator.GT, "2026-01-07T00:00:00Z"))).isEmpty();
  }

  private List<String> events(Criteria criteria) {
    return read(() -> store.auditLog().find(SearchFields.AUDIT_EVENT.check(criteria),
        PageRequest.of(0, 10))).items().stream().map(AuditEvent::action).toList();
  }

  @Test
  public void healthAndStatisticsAnswerForAnOpenStore() {
    dev.restock.api.ops.Health health = store.health();
    assertThat(health.up()).isTrue();
    assertThat(health.problem()).isNull();
    assertThat(health.pool()).isNotNull();
    assertThat(health.latency()).isNotNull();
    assertThat(store.description()).isNotBlank();
    long transactions = store.statistics().transactions();
    add("COLA", "Cola", "1");
    assertThat(store.statistics().transactions()).isGreaterThan(transactions);
    assertThat(store.statistics().entityInserts()).isPositive();
  }

  @Test
  public void everyPortRefusesToWorkOutsideAUnitOfWork() {
    UUID id = UUID.randomUUID();
    Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
    calls.put("products.list", () -> store.products().list(PageRequest.of(0, 1), Visibility.LIVE));
    calls.put("products.add", () -> store.products().add(product("A", "A", "1")));
    calls.put("locations.find", () -> store.locations().find(id, Visibility.LIVE));
    calls.put("routes.findByCode", () -> store.routes().findByCode("R1"));
    calls.put("deviceTypes.search", () -> store.deviceTypes().search(TextQuery.contains("x"),
        PageRequest.of(0, 1), Visibility.LIVE));
    calls.put("cabinetTypes.list", () -> store.cabinetTypes().list(PageRequest.of(0, 1),
        Visibility.LIVE));
    calls.put("devices.listByRoute", () -> store.devices().listByRoute(id));
    calls.put("planograms.findSlots", () -> store.planograms().findSlots(List.of(id)));
    calls.put("users.findByUsername", () -> store.users().findByUsername("ann"));
    calls.put("sales.forSlot", () -> store.sales().forSlot(id));
    calls.put("history.revisions", () -> store.history().revisions(AuditedType.PRODUCT, id));
    calls.put("history.verifyChain", () -> store.history().verifyChain());
    calls.put("auditLog.events", () -> store.auditLog().events(null, null, null, Instant.EPOCH));
    calls.put("serviceOrders.find", () -> store.serviceOrders().find(id));
    calls.put("numberSeries.next", () -> store.numberSeries().next("T-1"));
    calls.put("stock.onHand", () -> store.stock().onHand(List.of(id)));
    calls.put("deliveryNotes.findByNumber", () -> store.deliveryNotes().findByNumber("DN-1"));
    calls.put("deliveryNotes.find(criteria)", () -> store.deliveryNotes().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("sales.find(criteria)", () -> store.sales().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("stock.find(criteria)", () -> store.stock().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("auditLog.find(criteria)", () -> store.auditLog().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("reports.stockValue", () -> store.reports().stockValue());
    calls.forEach((name, call) -> assertThatThrownBy(call::run).as(name)
        .isInstanceOf(IllegalStateException.class));
    assertThat(read(() -> store.products().list(PageRequest.of(0, 1), Visibility.INCLUDE_DELETED)
        .total())).isZero();
  }

  // ------------------------------------------------------------------ units of work

  @Test
  public void aNestedFailureCaughtByTheOuterLevelStillRollsBackTheWholeUnit() {
    assertThatThrownBy(() -> write("outer", () -> {
      store.products().add(product("A", "A", "1"));
      try {
        write("inner", () -> {
          store.products().add(product("B", "B", "1"));
          throw new IllegalArgumentException("inner boom");
        });
      } catch (IllegalArgumentException swallowed) {
        // the unit must still not commit
      }
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(read(() -> store.products().list(PageRequest.of(0, 10), Visibility.INCLUDE_DELETED)
        .total())).isZero();
    assertThat(read(() -> store.history().changesBy(Actor.SYSTEM_ID, Instant.EPOCH,
        Instant.now().plusSeconds(60)))).isEmpty();
    assertThat(read(() -> store.history().verifyChain().checked())).isZero();
  }

  @Test
  public void aNestedUnitJoinsTheOuterOneAndItsRevisionKeepsTheOuterContext() {
    UUID actor = UUID.randomUUID();
    Actor who = Actor.user(actor).withReason("why").withClientAddress("192.0.2.1")
        .withUserAgent("kit/1").withCorrelationId("corr-7");
    Product added = store.transactions().write(new AuditContext(who, "outer.action"),
        () -> store.transactions().write(new AuditContext(Actor.system(), "inner.action"),
            () -> store.products().add(product("A", "A", "1"))));

    assertThat(added.stamp().createdBy()).isEqualTo(actor);
    List<EntityRevision> revisions = read(() -> store.history().revisions(AuditedType.PRODUCT,
        added.id()));
    assertThat(revisions).hasSize(1);
    RevisionInfo info = revisions.get(0).info();
    assertThat(info.actorId()).isEqualTo(actor);
    assertThat(info.action()).isEqualTo("outer.action");
    assertThat(info.reason()).isEqualTo("why");
    assertThat(info.clientAddress()).isEqualTo("192.0.2.1");
    assertThat(info.userAgent()).isEqualTo("kit/1");
    assertThat(info.correlationId()).isEqualTo("corr-7");
  }

  @Test
  public void readOnlyUnitsRefuseWritesAndAfterCommitRunsOnlyOnCommit() {
    assertThatThrownBy(() -> read(() -> store.products().add(product("A", "A", "1"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> read(() -> write("nested", () -> null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    assertThatThrownBy(() -> store.transactions().afterCommit(() -> { }))
        .isInstanceOf(IllegalStateException.class);

    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    write("ok", () -> {
      store.transactions().afterCommit(() -> ran.add("committed"));
      assertThat(ran).isEmpty();
      return store.products().add(product("A", "A", "1"));
    });
    assertThatThrownBy(() -> write("fails", () -> {
      store.transactions().afterCommit(() -> ran.add("rolled back"));
      throw new IllegalStateException("no");
    })).hasMessage("no");
    write("action fails", () -> {
      store.transactions().afterCommit(() -> {
        throw new IllegalStateException("an after-commit failure is not the caller's");
      });
      return store.products().add(product("B", "B", "1"));
    });

    assertThat(ran).containsExactly("committed");
    assertThat(skus(Visibility.LIVE)).containsExactly("A", "B");
  }

  // ------------------------------------------------------------------ devices and planograms

  @Test
  public void devicesAreReadWithTheirCabinetsByIdSerialRouteAndCabinet() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice b = fixture.device(ref, "Beta", 2, 5);
    StoreFixture.FleetDevice a = fixture.device(ref, "Alpha", 1, 5);
    Device beta = b.device();

    assertThat(beta.cabinets()).extracting(Cabinet::index).containsExactly(1, 2);
    assertThat(read(() -> store.devices().find(beta.id(), Visibility.LIVE))).contains(beta);
    assertThat(read(() -> store.devices().findBySerialNumber(beta.serialNumber())))
        .contains(beta);
    assertThat(read(() -> store.devices().listByRoute(ref.route().id())))
        .extracting(Device::name).containsExactly("Alpha", "Beta");
    assertThat(read(() -> store.devices().findByCabinet(beta.cabinets().get(1).id())))
        .contains(beta);
    assertThat(read(() -> store.planograms().findActiveByCabinets(List.of(
        a.device().cabinets().get(0).id(), beta.cabinets().get(0).id(),
        beta.cabinets().get(1).id())))).hasSize(3);

    Device renamed = write("device.update", () -> store.devices().update(new Device(beta.id(),
        "Beta 2", beta.serialNumber(), beta.locationId(), beta.routeId(), beta.deviceTypeId(),
        beta.cabinets(), beta.version(), beta.stamp(), null)));
    assertThat(renamed.cabinets()).isEqualTo(beta.cabinets());
    assertThat(renamed.version()).isGreaterThan(beta.version());
    assertThatThrownBy(() -> write("device.create", () -> store.devices().add(new Device(
        UUID.randomUUID(), "Copy", beta.serialNumber(), beta.locationId(), beta.routeId(),
        beta.deviceTypeId(), List.of(), 0, AuditStamp.NEW, null))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("serial");
  }

  @Test
  public void deletingADeviceTakesItsCabinetsPlanogramsAndSlotsInOneRevisionAndRestoreBringsBackExactlyThose() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 2, 5);
    Device device = fleet.device();
    Planogram first = fleet.planograms().get(0);
    Planogram second = fleet.planograms().get(1);
    // deleted on its own before the device: must stay deleted after the device's restore
    write("planogram.delete", () -> {
      store.planograms().softDelete(second.id());
      return null;
    });

    write("device.delete", () -> {
      store.devices().softDelete(device.id());
      return null;
    });

    long deletion = lastRevision(AuditedType.DEVICE, device.id(), RevisionKind.DELETED);
    assertThat(lastRevision(AuditedType.CABINET, device.cabinets().get(0).id(),
        RevisionKind.DELETED)).isEqualTo(deletion);
    assertThat(lastRevision(AuditedType.PLANOGRAM, first.id(), RevisionKind.DELETED))
        .isEqualTo(deletion);
    assertThat(lastRevision(AuditedType.SLOT, first.slots().get(0).id(), RevisionKind.DELETED))
        .isEqualTo(deletion);
    assertThat(read(() -> store.devices().find(device.id(), Visibility.LIVE))).isEmpty();
    // deleted children are not read: the deleted device comes without its cabinets
    assertThat(read(() -> store.devices().find(device.id(), Visibility.ONLY_DELETED))
        .orElseThrow().cabinets()).isEmpty();
    assertThat(read(() -> store.planograms().find(first.id(), Visibility.INCLUDE_DELETED))
        .orElseThrow().slots()).isEmpty();
    assertThat(read(() -> store.devices().findByCabinet(device.cabinets().get(0).id())))
        .isEmpty();
    assertThat(read(() -> store.planograms().findActiveByCabinet(device.cabinets().get(0).id())))
        .isEmpty();
    assertThat(read(() -> store.planograms().findSlots(List.of(first.slots().get(0).id()))))
        .isEmpty();
    assertThat(read(() -> store.planograms().liveSlotsHolding(ref.cola().id()))).isEmpty();

    write("device.restore", () -> store.devices().restore(device.id()));

    assertThat(read(() -> store.devices().find(device.id(), Visibility.LIVE)).orElseThrow()
        .cabinets()).hasSize(2);
    assertThat(read(() -> store.planograms().find(first.id(), Visibility.LIVE))
        .orElseThrow().slots()).hasSize(2);
    assertThat(read(() -> store.planograms().find(second.id(), Visibility.LIVE))).isEmpty();
    assertThat(read(() -> store.planograms().liveSlotsHolding(ref.cola().id())))
        .extracting(SlotLocation::slotId).containsExactly(first.slots().get(0).id());
    assertThat(read(() -> store.history().revisions(AuditedType.SLOT,
        first.slots().get(0).id()))).extracting(EntityRevision::kind)
        .containsExactly(RevisionKind.CREATED, RevisionKind.DELETED, RevisionKind.MODIFIED);
    assertThat(read(() -> store.history().verifyChain()).intact()).isTrue();
  }

  private long lastRevision(AuditedType type, UUID id, RevisionKind kind) {
    return read(() -> store.history().revisions(type, id)).stream()
        .filter(r -> r.kind() == kind).reduce((x, y) -> y).orElseThrow().info().number();
  }

  @Test
  public void aPlanogramUpdateMatchesSlotsByIdAndSlotUpdatesLeaveThePlanogramAlone() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    Planogram planogram = fixture.device(ref, "Alpha", 1, 5).planograms().get(0);
    Slot cola = planogram.slotAt("A1").orElseThrow();
    Slot water = planogram.slotAt("A2").orElseThrow();
    Slot added = new Slot(UUID.randomUUID(), "B1", ref.water().id(), 6, 4, 4, null);

    Planogram changed = write("planogram.update", () -> store.planograms().update(
        planogram.withSlots(List.of(cola.withQuantity(9), added))));

    assertThat(changed.slots()).extracting(Slot::position).containsExactly("A1", "B1");
    assertThat(kinds(AuditedType.SLOT, cola.id())).containsExactly(RevisionKind.CREATED,
        RevisionKind.MODIFIED);
    assertThat(kinds(AuditedType.SLOT, water.id())).containsExactly(RevisionKind.CREATED,
        RevisionKind.DELETED);
    assertThat(kinds(AuditedType.SLOT, added.id())).containsExactly(RevisionKind.CREATED);
    assertThat(read(() -> store.history().revisions(AuditedType.PLANOGRAM, planogram.id()))
        .get(1).state()).containsKey("slot[B1]");

    write("slot.update", () -> {
      store.planograms().updateSlots(List.of(changed.slotAt("A1").orElseThrow().withQuantity(3)));
      return null;
    });
    Planogram read = read(() -> store.planograms().find(planogram.id(), Visibility.LIVE))
        .orElseThrow();
    assertThat(read.slotAt("A1").orElseThrow().quantity()).isEqualTo(3);
    assertThat(read.version()).isEqualTo(changed.version());
    assertThat(read(() -> store.planograms().findSlots(List.of(cola.id(), water.id()))))
        .containsOnlyKeys(cola.id());
    assertThat(read(() -> store.planograms().findBySlotIds(List.of(added.id()))))
        .extracting(Planogram::id).containsExactly(planogram.id());

    assertThatThrownBy(() -> write("slot.update", () -> {
      store.planograms().updateSlots(List.of(read.slotAt("A1").orElseThrow().withQuantity(0),
          water.withQuantity(1)));
      return null;
    })).isInstanceOf(NotFoundException.class);
    assertThat(read(() -> store.planograms().findSlots(List.of(cola.id()))).get(cola.id())
        .quantity()).isEqualTo(3);

    assertThatThrownBy(() -> write("planogram.create", () -> store.planograms().add(
        new Planogram(UUID.randomUUID(), planogram.cabinetId(), "Second active", true, List.of(),
            0, AuditStamp.NEW, null)))).isInstanceOf(ConflictException.class);
    Planogram inactive = write("planogram.create", () -> store.planograms().add(
        new Planogram(UUID.randomUUID(), planogram.cabinetId(), "Draft", false, List.of(), 0,
            AuditStamp.NEW, null)));
    assertThat(read(() -> store.planograms().findActiveByCabinet(planogram.cabinetId()))
        .orElseThrow().id()).isEqualTo(planogram.id());
    assertThat(inactive.active()).isFalse();
  }

  private List<RevisionKind> kinds(AuditedType type, UUID id) {
    return read(() -> store.history().revisions(type, id)).stream().map(EntityRevision::kind)
        .toList();
  }

  @Test
  public void liveSlotsHoldingAProductAreOrderedByDeviceCabinetAndPosition() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice beta = fixture.device(ref, "Beta", 2, 5);
    StoreFixture.FleetDevice alpha = fixture.device(ref, "Alpha", 1, 5);

    assertThat(read(() -> store.planograms().liveSlotsHolding(ref.cola().id())))
        .extracting(l -> l.deviceName() + "#" + l.cabinetIndex() + "/" + l.position())
        .containsExactly("Alpha#1/A1", "Beta#1/A1", "Beta#2/A1");
    assertThat(read(() -> store.planograms().liveSlotsHolding(ref.cola().id())).get(0)
        .planogramId()).isEqualTo(alpha.planograms().get(0).id());
    assertThat(beta.planograms()).hasSize(2);
  }

  // ------------------------------------------------------------------ users

  @Test
  public void usersAreFoundByUsernameEmailAndFirstActiveRoleAndBothAreUniqueAmongLiveUsers() {
    User first = write("user.create", () -> store.users().add(user("ann", "ann@example.com",
        Role.ADMIN, false)));
    User second = write("user.create", () -> store.users().add(user("bob", "bob@example.com",
        Role.ADMIN, true)));

    assertThat(read(() -> store.users().findByUsername("ann"))).contains(first);
    assertThat(read(() -> store.users().findByEmail("bob@example.com"))).contains(second);
    assertThat(read(() -> store.users().findFirstActive(Role.ADMIN))).contains(second);
    assertThat(read(() -> store.users().findFirstActive(Role.DRIVER))).isEmpty();
    assertThatThrownBy(() -> write("user.create", () -> store.users().add(user("ann",
        "other@example.com", Role.VIEWER, true)))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("username");
    assertThatThrownBy(() -> write("user.create", () -> store.users().add(user("cid",
        "bob@example.com", Role.VIEWER, true)))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("email");
    assertThat(read(() -> store.users().find(Criteria.where("role", Criteria.Operator.EQ,
        "ADMIN").and("active", Criteria.Operator.EQ, true), PageRequest.of(0, 10),
        Visibility.LIVE)).items()).extracting(User::username).containsExactly("bob");
  }

  private static User user(String name, String email, Role role, boolean active) {
    return new User(UUID.randomUUID(), name, email, role, active, 0, AuditStamp.NEW, null);
  }

  // ------------------------------------------------------------------ orders, stock, notes, sales

  @Test
  public void serviceOrdersKeepVisitsAndLinesAndRefuseStaleVersionsAndTakenNumbers() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 1, 5);
    User driver = write("user.create", () -> store.users().add(user("dan", "dan@example.com",
        Role.DRIVER, true)));
    ServiceOrder first = write("order.create", () -> store.serviceOrders().add(
        order("SO-1", ref, fleet, null)));
    ServiceOrder second = write("order.create", () -> store.serviceOrders().add(
        order("SO-2", ref, fleet, driver.id())));

    ServiceOrder read = read(() -> store.serviceOrders().findByNumber("SO-1")).orElseThrow();
    assertThat(read).isEqualTo(first);
    assertThat(read.visits()).hasSize(1);
    assertThat(read.visits().get(0).lines()).extracting(OrderLine::position)
        .containsExactly("A1", "A2");
    assertThat(read(() -> store.serviceOrders().find(second.id()))).contains(second);
    assertThat(read(() -> store.serviceOrders().list(PageRequest.of(0, 10))).items())
        .extracting(ServiceOrder::number).containsExactly("SO-2", "SO-1");
    assertThat(read(() -> store.serviceOrders().openOrderNumbers(driver.id())))
        .containsExactly("SO-2");

    ServiceOrder started = write("order.start", () -> store.serviceOrders().update(
        withStatus(second, OrderStatus.IN_PROGRESS)));
    assertThat(started.version()).isGreaterThan(second.version());
    assertThatThrownBy(() -> write("order.start", () -> store.serviceOrders().update(
        withStatus(second, OrderStatus.CANCELLED)))).isInstanceOf(ConflictException.class);
    assertThat(read(() -> store.serviceOrders().find(second.id())).orElseThrow().status())
        .isEqualTo(OrderStatus.IN_PROGRESS);
    assertThatThrownBy(() -> write("order.create", () -> store.serviceOrders().add(
        order("SO-1", ref, fleet, null)))).isInstanceOf(ConflictException.class);
    assertThat(kinds(AuditedType.SERVICE_ORDER, second.id())).containsExactly(
        RevisionKind.CREATED, RevisionKind.MODIFIED);
  }

  @Test
  public void serviceOrdersAreFoundByCriteriaWithTheirVisits() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 1, 5);
    User driver = write("user.create", () -> store.users().add(user("dan", "dan@example.com",
        Role.DRIVER, true)));
    for (int i = 1; i <= 4; i++) {
      String number = "SO-" + i;
      UUID assigned = i % 2 == 0 ? driver.id() : null;
      write("order.create", () -> store.serviceOrders().add(order(number, ref, fleet, assigned)));
    }

    Page<ServiceOrder> byDriver = read(() -> store.serviceOrders().find(
        SearchFields.SERVICE_ORDER.check(Criteria.where("driverId", Criteria.Operator.EQ,
            driver.id().toString()).sortBy("number", false)), PageRequest.of(0, 10)));
    assertThat(byDriver.items()).extracting(ServiceOrder::number).containsExactly("SO-2", "SO-4");
    assertThat(byDriver.items().get(0).visits().get(0).lines()).hasSize(2);
    Page<ServiceOrder> pending = read(() -> store.serviceOrders().find(
        SearchFields.SERVICE_ORDER.check(Criteria.where("status", Criteria.Operator.IN,
            "PENDING", "CANCELLED").and("driverId", Criteria.Operator.IS_NULL)
            .sortBy("number", true)), PageRequest.of(0, 1)));
    assertThat(pending.items()).extracting(ServiceOrder::number).containsExactly("SO-3");
    assertThat(pending.total()).isEqualTo(2);
    assertThat(read(() -> store.serviceOrders().find(SearchFields.SERVICE_ORDER.check(
        Criteria.where("number", Criteria.Operator.STARTS_WITH, "so-")
            .and("routeId", Criteria.Operator.EQ, ref.route().id())), PageRequest.of(0, 10)))
        .total()).isEqualTo(4);
  }

  private static ServiceOrder order(String number, StoreFixture.Reference ref,
      StoreFixture.FleetDevice fleet, UUID driver) {
    Device d = fleet.device();
    Planogram p = fleet.planograms().get(0);
    List<OrderLine> lines = p.slots().stream().map(s -> new OrderLine(UUID.randomUUID(), s.id(),
        s.position(), s.productId(), s.capacity() - s.quantity(), null)).toList();
    return new ServiceOrder(UUID.randomUUID(), number, ref.route().id(), driver,
        driver == null ? OrderStatus.PENDING : OrderStatus.ASSIGNED, "fill-to-par", 10, null,
        null, List.of(new Visit(UUID.randomUUID(), d.id(), d.name(), d.cabinets().get(0).id(), 1,
            VisitStatus.PENDING, null, null, lines)), 0, AuditStamp.NEW, null);
  }

  private static ServiceOrder withStatus(ServiceOrder o, OrderStatus status) {
    return new ServiceOrder(o.id(), o.number(), o.routeId(), o.driverId(), status, o.strategyId(),
        o.estimatedMinutes(), o.deliveryNoteId(), o.notes(), o.visits(), o.version(), o.stamp(),
        null);
  }

  @Test
  public void stockLevelsAreSetInBatchesNeverNegativeAndConcurrentIncrementsAreNotLost()
      throws Exception {
    Product cola = add("COLA", "Cola", "1.50");
    Product water = add("WATER", "Water", "1.00");
    assertThat(read(() -> store.stock().onHand(List.of(cola.id())))).isEmpty();

    write("stock.receive", () -> {
      store.stock().set(Map.of(cola.id(), 10, water.id(), 4));
      return null;
    });
    assertThatThrownBy(() -> write("stock.adjust", () -> {
      store.stock().set(Map.of(cola.id(), 3, water.id(), -1));
      return null;
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(read(() -> store.stock().all())).containsEntry(cola.id(), 10)
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
                int now = store.stock().onHand(List.of(cola.id())).get(cola.id());
                store.stock().set(Map.of(cola.id(), now + 1));
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
    assertThat(read(() -> store.stock().onHand(List.of(cola.id())))).containsEntry(cola.id(),
        10 + threads);
    assertThat(kinds(AuditedType.STOCK, cola.id()).get(0)).isEqualTo(RevisionKind.CREATED);
    assertThat(kinds(AuditedType.STOCK, cola.id())).hasSize(1 + threads);
  }

  @Test
  public void stockLevelsOfLiveProductsAreFoundByCriteriaWithZeroForProductsNeverStocked() {
    Product cola = add("COLA", "Cola", "1.50");
    Product water = add("WATER", "Still water", "1.00");
    Product chips = write("product.create", () -> store.products().add(new Product(
        UUID.randomUUID(), "CHIPS", "Chips", "Snacks", new BigDecimal("0.80"), 10, true, 0,
        AuditStamp.NEW, null)));
    Product gum = add("GUM", "Gum", "0.50");
    Product old = add("OLD", "Old cola", "1.00");
    write("stock.receive", () -> {
      store.stock().set(Map.of(cola.id(), 30, water.id(), 5, chips.id(), 0, old.id(), 3));
      store.products().softDelete(old.id());
      return null;
    });

    Page<StockLevel> all = read(() -> store.stock().find(
        SearchFields.STOCK_LEVEL.check(Criteria.all()), PageRequest.of(0, 3)));
    assertThat(all.items()).containsExactly(new StockLevel(chips.id(), "CHIPS", "Chips", 0),
        new StockLevel(cola.id(), "COLA", "Cola", 30), new StockLevel(gum.id(), "GUM", "Gum", 0));
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.pages()).isEqualTo(2);

    assertThat(levels(Criteria.where("onHand", Criteria.Operator.LE, 5)
        .sortBy("onHand", true))).containsExactly("WATER", "CHIPS", "GUM");
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
    return read(() -> store.stock().find(SearchFields.STOCK_LEVEL.check(criteria),
        PageRequest.of(0, 10))).items().stream().map(StockLevel::sku).toList();
  }

  @Test
  public void deliveryNotesAreOnePerOrderWithUniqueNumbers() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 1, 5);
    ServiceOrder order = write("order.create", () -> store.serviceOrders().add(
        order("SO-1", ref, fleet, null)));
    ServiceOrder other = write("order.create", () -> store.serviceOrders().add(
        order("SO-2", ref, fleet, null)));
    DeliveryNote note = new DeliveryNote(UUID.randomUUID(), "DN-1", order.id(), "SO-1",
        Instant.parse("2026-01-05T08:00:00Z"), List.of(
            new DeliveryNoteLine(ref.water().id(), ref.water().sku(), 2),
            new DeliveryNoteLine(ref.cola().id(), ref.cola().sku(), 5)));

    DeliveryNote added = write("note.issue", () -> store.deliveryNotes().add(note));

    assertThat(read(() -> store.deliveryNotes().findByNumber("DN-1"))).contains(added);
    assertThat(read(() -> store.deliveryNotes().find(note.id()))).contains(added);
    assertThat(added.totalUnits()).isEqualTo(7);
    assertThatThrownBy(() -> write("note.issue", () -> store.deliveryNotes().add(
        new DeliveryNote(UUID.randomUUID(), "DN-2", order.id(), "SO-1", note.issuedAt(),
            List.of())))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> write("note.issue", () -> store.deliveryNotes().add(
        new DeliveryNote(UUID.randomUUID(), "DN-1", other.id(), "SO-2", note.issuedAt(),
            List.of())))).isInstanceOf(ConflictException.class);
    assertThat(read(() -> store.deliveryNotes().findByNumber("DN-2"))).isEmpty();
  }

  @Test
  public void deliveryNotesAreFoundByCriteriaWithTheirLinesNewestFirst() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference north = fixture.reference("N1");
    StoreFixture.Reference south = fixture.reference("S1");
    StoreFixture.FleetDevice northDevice = fixture.device(north, "Alpha", 1, 5);
    StoreFixture.FleetDevice southDevice = fixture.device(south, "Beta", 1, 5);
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    List<DeliveryNote> notes = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      boolean onNorth = i % 2 == 1;
      StoreFixture.Reference ref = onNorth ? north : south;
      String number = "SO-" + i;
      ServiceOrder order = write("order.create", () -> store.serviceOrders().add(
          order(number, ref, onNorth ? northDevice : southDevice, null)));
      DeliveryNote note = new DeliveryNote(UUID.randomUUID(), "DN-" + i, order.id(), number,
          monday.plus(Duration.ofDays(i)), List.of(
              new DeliveryNoteLine(ref.water().id(), ref.water().sku(), i),
              new DeliveryNoteLine(ref.cola().id(), ref.cola().sku(), 10 + i)));
      notes.add(write("note.issue", () -> store.deliveryNotes().add(note)));
    }

    Page<DeliveryNote> all = read(() -> store.deliveryNotes().find(
        SearchFields.DELIVERY_NOTE.check(Criteria.all()), PageRequest.of(0, 2)));
    assertThat(all.items()).extracting(DeliveryNote::number).containsExactly("DN-5", "DN-4");
    assertThat(all.total()).isEqualTo(5);
    assertThat(all.pages()).isEqualTo(3);
    assertThat(all.items().get(0)).isEqualTo(notes.get(4));
    assertThat(all.items().get(0).lines()).extracting(DeliveryNoteLine::sku)
        .containsExactly("COLA-N1", "WATER-N1");

    Page<DeliveryNote> northNotes = read(() -> store.deliveryNotes().find(
        SearchFields.DELIVERY_NOTE.check(Criteria.where("routeId", Criteria.Operator.EQ,
            north.route().id().toString()).sortBy("number", false)), PageRequest.of(0, 10)));
    assertThat(northNotes.items()).extracting(DeliveryNote::number)
        .containsExactly("DN-1", "DN-3", "DN-5");
    assertThat(northNotes.items()).allSatisfy(n -> assertThat(n.lines()).hasSize(2));

    Page<DeliveryNote> week = read(() -> store.deliveryNotes().find(
        SearchFields.DELIVERY_NOTE.check(Criteria.where("issuedAt", Criteria.Operator.BETWEEN,
            "2026-01-07T00:00:00Z", "2026-01-09T23:59:59Z")
            .and("orderNumber", Criteria.Operator.NE, "SO-3")), PageRequest.of(0, 10)));
    assertThat(week.items()).extracting(DeliveryNote::number).containsExactly("DN-4", "DN-2");

    assertThat(read(() -> store.deliveryNotes().find(SearchFields.DELIVERY_NOTE.check(
        Criteria.where("orderId", Criteria.Operator.IN, notes.get(0).orderId(),
            notes.get(1).orderId()).and("number", Criteria.Operator.STARTS_WITH, "dn-")),
        PageRequest.of(0, 10))).items()).extracting(DeliveryNote::number)
        .containsExactly("DN-2", "DN-1");
    assertThat(read(() -> store.deliveryNotes().find(SearchFields.DELIVERY_NOTE.check(
        Criteria.where("number", Criteria.Operator.EQ, "DN-9")), PageRequest.of(0, 10))))
        .satisfies(p -> {
          assertThat(p.items()).isEmpty();
          assertThat(p.total()).isZero();
        });
  }

  @Test
  public void salesAreAppendedSummedPerSlotSinceATimeAndRolledBackWithTheirUnit() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    Planogram p = fixture.device(ref, "Alpha", 1, 5).planograms().get(0);
    UUID a1 = p.slotAt("A1").orElseThrow().id();
    UUID a2 = p.slotAt("A2").orElseThrow().id();
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    write("sales.record", () -> {
      store.sales().append(List.of(
          sale(a1, ref.cola().id(), 2, monday),
          sale(a1, ref.cola().id(), 1, monday.plusSeconds(86_400)),
          sale(a2, ref.water().id(), 4, monday.plusSeconds(2 * 86_400))));
      return null;
    });
    assertThatThrownBy(() -> write("sales.record", () -> {
      store.sales().append(List.of(sale(a1, ref.cola().id(), 9, monday.plusSeconds(3_600))));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    assertThat(read(() -> store.sales().forSlot(a1))).extracting(SaleRecord::units)
        .containsExactly(2, 1);
    assertThat(read(() -> store.sales().unitsSoldSince(List.of(a1, a2), monday)))
        .containsEntry(a1, 3).containsEntry(a2, 4);
    assertThat(read(() -> store.sales().unitsSoldSince(List.of(a1, a2),
        monday.plusSeconds(86_400)))).containsEntry(a1, 1).containsEntry(a2, 4);
    assertThat(read(() -> store.sales().unitsSoldSince(List.of(a1),
        monday.plusSeconds(5 * 86_400)))).isEmpty();
  }

  @Test
  public void salesAreFoundByCriteriaNewestFirstEvenAfterTheirDeviceIsDeleted() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference north = fixture.reference("N1");
    StoreFixture.Reference south = fixture.reference("S1");
    StoreFixture.FleetDevice alpha = fixture.device(north, "Alpha", 1, 5);
    StoreFixture.FleetDevice beta = fixture.device(south, "Beta", 1, 5);
    UUID alphaCola = alpha.planograms().get(0).slotAt("A1").orElseThrow().id();
    UUID alphaWater = alpha.planograms().get(0).slotAt("A2").orElseThrow().id();
    UUID betaCola = beta.planograms().get(0).slotAt("A1").orElseThrow().id();
    Instant monday = Instant.parse("2026-01-05T08:00:00Z");
    List<SaleRecord> sales = List.of(
        sale(alphaCola, north.cola().id(), 2, monday),
        sale(alphaWater, north.water().id(), 4, monday.plusSeconds(86_400)),
        sale(betaCola, south.cola().id(), 1, monday.plusSeconds(86_400)),
        sale(alphaCola, north.cola().id(), 3, monday.plusSeconds(2 * 86_400)));
    write("sales.record", () -> {
      store.sales().append(sales.subList(0, 3));
      return null;
    });
    write("sales.record", () -> {
      store.sales().append(sales.subList(3, 4));
      return null;
    });
    assertThatThrownBy(() -> write("sales.record", () -> {
      store.sales().append(List.of(sale(betaCola, south.cola().id(), 9, monday.plusSeconds(60))));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    Page<SaleRecord> all = read(() -> store.sales().find(SearchFields.SALE.check(Criteria.all()),
        PageRequest.of(0, 3)));
    // newest first; the two sales of Tuesday in the reverse of the order they were appended
    assertThat(all.items()).containsExactly(sales.get(3), sales.get(2), sales.get(1));
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.pages()).isEqualTo(2);

    write("device.delete", () -> {
      store.devices().softDelete(alpha.device().id());
      store.products().softDelete(north.water().id());
      return null;
    });
    assertThat(salesFound(Criteria.where("routeId", Criteria.Operator.EQ,
        north.route().id().toString()).sortBy("units", true))).containsExactly(sales.get(1),
        sales.get(3), sales.get(0));
    assertThat(salesFound(Criteria.where("deviceId", Criteria.Operator.EQ,
        beta.device().id().toString()))).containsExactly(sales.get(2));
    assertThat(salesFound(Criteria.where("sku", Criteria.Operator.STARTS_WITH, "water-")))
        .containsExactly(sales.get(1));
    assertThat(salesFound(Criteria.where("sku", Criteria.Operator.IN, "COLA-N1", "COLA-S1")
        .and("units", Criteria.Operator.GE, "2").sortBy("sku", true).sortBy("recordedAt", false)))
        .containsExactly(sales.get(0), sales.get(3));
    assertThat(salesFound(Criteria.where("recordedAt", Criteria.Operator.BETWEEN,
        "2026-01-06T00:00:00Z", "2026-01-06T23:59:59Z").and("slotId", Criteria.Operator.NE,
        alphaWater.toString()))).containsExactly(sales.get(2));
    assertThat(salesFound(Criteria.where("productId", Criteria.Operator.EQ,
        north.cola().id().toString()).and("recordedBy", Criteria.Operator.EQ,
        Actor.SYSTEM_ID.toString()).and("units", Criteria.Operator.LT, 3)))
        .containsExactly(sales.get(0));
    assertThat(read(() -> store.sales().find(SearchFields.SALE.check(Criteria.where("units",
        Criteria.Operator.GT, 9)), PageRequest.of(0, 10)))).satisfies(p -> {
          assertThat(p.items()).isEmpty();
          assertThat(p.total()).isZero();
        });
  }

  private List<SaleRecord> salesFound(Criteria criteria) {
    return read(() -> store.sales().find(SearchFields.SALE.check(criteria),
        PageRequest.of(0, 10))).items();
  }

  private static SaleRecord sale(UUID slot, UUID product, int units, Instant at) {
    return new SaleRecord(UUID.randomUUID(), slot, product, units, 10, 10 - units, at,
        Actor.SYSTEM_ID);
  }

  // ------------------------------------------------------------------ history and reports

  @Test
  public void historyAnswersStateAtATimeDeviceAtATimeAndChangesByAnActor() throws Exception {
    UUID ann = UUID.randomUUID();
    StoreFixture fixture = new StoreFixture(store, new AuditContext(Actor.user(ann),
        "fixture"));
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice fleet = fixture.device(ref, "Alpha", 2, 5);
    Thread.sleep(20);
    Instant beforeRename = Instant.now();
    Thread.sleep(20);
    Product cola = ref.cola();
    write("product.update", () -> store.products().update(new Product(cola.id(), cola.sku(),
        "Cola Zero", cola.category(), cola.price(), cola.casePack(), true, cola.version(),
        cola.stamp(), null)));
    write("device.delete", () -> {
      store.devices().softDelete(fleet.device().id());
      return null;
    });

    assertThat(read(() -> store.history().stateAt(AuditedType.PRODUCT, cola.id(), beforeRename))
        .orElseThrow().state()).containsEntry("name", "Cola");
    assertThat(read(() -> store.history().stateAt(AuditedType.PRODUCT, cola.id(),
        Instant.now().plusSeconds(1))).orElseThrow().state()).containsEntry("name", "Cola Zero");
    assertThat(read(() -> store.history().stateAt(AuditedType.PRODUCT, cola.id(),
        Instant.EPOCH))).isEmpty();

    DeviceSnapshot then = read(() -> store.history().deviceAt(fleet.device().id(), beforeRename))
        .orElseThrow();
    assertThat(then.device()).containsEntry("name", "Alpha");
    assertThat(then.cabinets()).hasSize(2);
    assertThat(then.cabinets().get(0).planograms()).hasSize(1);
    assertThat(then.cabinets().get(0).planograms().get(0).slots())
        .extracting(s -> s.get("position")).containsExactly("A1", "A2");
    assertThat(read(() -> store.history().deviceAt(fleet.device().id(),
        Instant.now().plusSeconds(1)))).isEmpty();

    List<EntityChange> byAnn = read(() -> store.history().changesBy(ann, Instant.EPOCH,
        Instant.now().plusSeconds(1)));
    assertThat(byAnn).extracting(EntityChange::type).contains(AuditedType.ROUTE,
        AuditedType.DEVICE, AuditedType.CABINET, AuditedType.PLANOGRAM, AuditedType.SLOT);
    assertThat(byAnn).allMatch(c -> c.info().actorId().equals(ann));
    assertThat(read(() -> store.history().changesBy(ann, beforeRename,
        Instant.now().plusSeconds(1)))).isEmpty();
    assertThat(read(() -> store.history().verifyChain())).satisfies(v -> {
      assertThat(v.intact()).isTrue();
      assertThat(v.checked()).isGreaterThanOrEqualTo(4);
    });
  }

  @Test
  public void reportsCoverLiveDevicesAndSlotsOnly() {
    StoreFixture fixture = new StoreFixture(store);
    StoreFixture.Reference ref = fixture.reference("R1");
    StoreFixture.FleetDevice alpha = fixture.device(ref, "Alpha", 2, 0);
    StoreFixture.FleetDevice beta = fixture.device(ref, "Beta", 1, 4);
    StoreFixture.FleetDevice gone = fixture.device(ref, "Gone", 1, 0);
    write("device.delete", () -> {
      store.devices().softDelete(gone.device().id());
      return null;
    });
    write("stock.receive", () -> {
      store.stock().set(Map.of(ref.cola().id(), 10, ref.water().id(), 3));
      return null;
    });

    assertThat(read(() -> store.reports().deviceUtilisation(ref.route().id(), null)))
        .extracting(u -> u.deviceName() + ":" + u.cabinetCount() + ":" + u.locationName())
        .containsExactly("Alpha:2:Station R1", "Beta:1:Station R1");
    assertThat(read(() -> store.reports().soldOut(null)))
        .extracting(s -> s.deviceName() + "#" + s.cabinetIndex() + "/" + s.position())
        .containsExactly("Alpha#1/A1", "Alpha#2/A1");
    assertThat(read(() -> store.reports().slotsAtOrBelow(ref.route().id(), 50)))
        .extracting(s -> s.deviceName() + "/" + s.percentOfPar())
        .containsExactly("Alpha/0", "Alpha/0", "Beta/50");
    assertThat(read(() -> store.reports().stockValue())).satisfies(v -> {
      assertThat(v.lines()).extracting(StockValuation.Line::sku)
          .containsExactly("COLA-R1", "WATER-R1");
      assertThat(v.total()).isEqualByComparingTo("18.00");
    });
    assertThat(beta.planograms()).hasSize(1);
    assertThat(alpha.planograms()).hasSize(2);
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  public void readersNeverSeeHalfAUnitOfWork() throws Exception {
    int units = 15;
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Long> odd = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> readers = new java.util.ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            long seen = read(() -> store.products().list(PageRequest.of(0, 1),
                Visibility.LIVE).total());
            reads.incrementAndGet();
            if (seen % 2 != 0) {
              odd.add(seen);
            }
          }
          return null;
        }));
      }
      pool.submit(() -> {
        try {
          for (int i = 0; i < units; i++) {
            int n = i;
            write("pair", () -> {
              store.products().add(product("A" + n, "First of pair " + n, "1"));
              pause(10);
              return store.products().add(product("B" + n, "Second of pair " + n, "1"));
            });
          }
        } finally {
          writing.set(false);
        }
        return null;
      }).get();
      for (Future<?> f : readers) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(odd).as("counts seen between the two writes of a unit").isEmpty();
    assertThat(reads.get()).isPositive();
    assertThat(read(() -> store.products().list(PageRequest.of(0, 1), Visibility.LIVE).total()))
        .isEqualTo(2L * units);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Test
  public void concurrentUnitsAddingTheSameKeyLeaveExactlyOneRow() throws Exception {
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
    assertThat(read(() -> store.products().list(PageRequest.of(0, 10),
        Visibility.INCLUDE_DELETED)).total()).isEqualTo(1);
    assertThat(read(() -> store.history().verifyChain()).intact()).isTrue();
  }
}
