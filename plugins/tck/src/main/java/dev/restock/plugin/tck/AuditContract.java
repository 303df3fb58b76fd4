package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotLocation;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import dev.restock.plugin.tck.EngineFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Audit you can prove, safe soft delete, and who may do what, through the whole engine on any
 * store: the permission matrix (every refusal writes no revision and no event), cascading delete
 * and exact restore, history questions, domain events and their sinks, and the hash chain under
 * concurrent writers. Extend it with {@link #openEngine}; a store with tables may also answer
 * {@link #rowCount} and {@link #rowDeleted} so the suite checks rows behind the engine too.
 */
public abstract class AuditContract {
  private Restock engine;
  private User admin;
  private RestockSession session;
  private final List<AuditEvent> published = new CopyOnWriteArrayList<>();

  /** An engine on a new, empty store, with {@code plugin} (the suite's audit sinks) registered. */
  protected abstract Restock openEngine(EnginePlugin plugin);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Rows of a table (product, location), soft-deleted ones included, for stores that have tables;
   * empty (the default) for stores without.
   */
  protected OptionalLong rowCount(String table) {
    return OptionalLong.empty();
  }

  /**
   * Whether the row of a table (device, cabinet, planogram, slot, product) is marked deleted, for
   * stores that have tables; empty (the default) for stores without.
   */
  protected Optional<Boolean> rowDeleted(String table, UUID id) {
    return Optional.empty();
  }

  /** The engine the suite runs on, for subclasses adding tests of their own. */
  protected Restock engine() {
    return engine;
  }

  /** The administrator's session the suite's set-up uses. */
  protected RestockSession session() {
    return session;
  }

  /** A plugin with one recording sink and one that always fails. */
  private final EnginePlugin sinks = new EnginePlugin() {
    @Override
    public String id() {
      return "test-sinks";
    }

    @Override
    public void register(PluginRegistrar registrar) {
      registrar.auditSink(new AuditSink() {
        @Override public String id() { return "recording"; }
        @Override public void accept(AuditEvent event) { published.add(event); }
      });
      registrar.auditSink(new AuditSink() {
        @Override public String id() { return "broken"; }
        @Override public void accept(AuditEvent event) {
          throw new IllegalStateException("sink down");
        }
      });
    }
  };

  @BeforeEach
  void startEngine() {
    engine = openEngine(sinks);
    admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()).withReason("audit suite")
        .withCorrelationId("req-42"));
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  // ------------------------------------------------------------------------------ permissions

  /** One operation of the matrix: {@code prepare} runs as the admin, {@code act} as the role. */
  private record Op(String action, Set<String> allowed, java.util.function.Supplier<Object> prepare,
      java.util.function.BiConsumer<RestockSession, Object> act) {}

  @Test
  public void everyRoleIsCheckedAcrossTheOperationMatrix() {
    Fleet f = fleet();
    User manager = user("manager", Role.MANAGER);
    User driver = user("driver", Role.DRIVER);
    User otherDriver = user("other", Role.DRIVER);
    User viewer = user("viewer", Role.VIEWER);
    DeviceSetup m1 = device(f, "M1");
    UUID planogram = m1.planograms().get(0).id();
    UUID slot = m1.planograms().get(0).slots().get(0).id();
    session.stock().receive(f.cola().id(), 10_000, "matrix");
    session.stock().receive(f.chips().id(), 10_000, "matrix");
    session.stock().receive(f.water().id(), 10_000, "matrix");
    AtomicInteger n = new AtomicInteger();
    Set<String> all = Set.of("ADMIN", "MANAGER", "DRIVER", "OTHER_DRIVER", "VIEWER");
    Set<String> managers = Set.of("ADMIN", "MANAGER");
    Set<String> assigned = Set.of("ADMIN", "MANAGER", "DRIVER");
    Set<String> admins = Set.of("ADMIN");
    java.util.function.Supplier<Object> nothing = () -> null;
    java.util.function.Supplier<Object> newAssignedOrder = () -> assignedOrder(f, driver);
    java.util.function.Supplier<Object> dispatchedOrder = () -> {
      UUID order = assignedOrder(f, driver);
      session.serviceOrders().dispatch(order);
      return order;
    };

    List<Op> ops = List.of(
        new Op("read", all, nothing,
            (s, x) -> s.products().list(PageRequest.of(0, 10), Visibility.LIVE)),
        new Op("read", all, nothing,
            (s, x) -> s.history().history(AuditedType.PRODUCT, f.cola().id())),
        new Op("read", all, nothing, (s, x) -> s.serviceOrders().list(PageRequest.of(0, 10))),
        new Op("read", all, nothing, (s, x) -> s.pickLists().preview(f.route().id())),
        new Op("read", all, nothing, (s, x) -> s.history().verify()),
        new Op("read", all, nothing, (s, x) -> s.stock().levels()),
        new Op("product.create", managers, nothing, (s, x) -> s.products().create(
            new CreateProduct("P-" + n.incrementAndGet(), "P", "X", BigDecimal.ONE, 1))),
        new Op("product.update", managers, nothing, (s, x) -> s.products().update(f.chips().id(),
            new UpdateProduct(null, "Chips " + n.incrementAndGet(), null, null, null, null))),
        new Op("product.delete", managers, () -> session.products().create(new CreateProduct(
            "DEL-" + n.incrementAndGet(), "D", "X", BigDecimal.ONE, 1)).id(),
            (s, id) -> s.products().delete((UUID) id)),
        new Op("product.restore", managers, () -> {
          UUID id = session.products().create(new CreateProduct("RES-" + n.incrementAndGet(),
              "R", "X", BigDecimal.ONE, 1)).id();
          session.products().delete(id);
          return id;
        }, (s, id) -> s.products().restore((UUID) id)),
        new Op("location.create", managers, nothing, (s, x) -> s.locations().create(
            new CreateLocation("L" + n.incrementAndGet(), "addr"))),
        new Op("location.update", managers, nothing, (s, x) -> s.locations().update(
            f.location().id(), new dev.restock.api.fleet.UpdateLocation(null,
                "addr " + n.incrementAndGet()))),
        new Op("route.create", managers, nothing, (s, x) -> s.routes().create(
            new CreateRoute("R" + n.incrementAndGet(), "r", 7))),
        new Op("device-type.create", managers, nothing, (s, x) -> s.deviceTypes().create(
            new CreateDeviceType("T" + n.incrementAndGet(), 1))),
        new Op("cabinet-type.create", managers, nothing, (s, x) -> s.cabinetTypes().create(
            new CreateCabinetType("C" + n.incrementAndGet()))),
        new Op("device.set-up", managers, nothing, (s, x) -> s.devices().setUp(new SetUpDevice(
            new CreateDevice("D" + n.incrementAndGet(), "SN-D" + n.get(), f.location().id(), null,
                f.deviceType().id(), List.of(new CabinetSpec(1, f.cabinetType().id(), 2, 2))),
            List.of()))),
        new Op("planogram.update", managers, () -> planogram, (s, id) ->
            s.planograms().update((UUID) id, new dev.restock.api.planogram.UpdatePlanogram(
                "Plan " + n.incrementAndGet(), null))),
        new Op("sales.record", managers, () -> slot, (s, id) -> s.sales().record(
            new RecordSales(List.of(new SaleEntry((UUID) id, 0, null))))),
        new Op("stock.receive", managers, nothing,
            (s, x) -> s.stock().receive(f.cola().id(), 1, "delivery")),
        new Op("stock.adjust", managers, nothing,
            (s, x) -> s.stock().adjust(f.water().id(), -1, "count")),
        new Op("user.create", admins, nothing, (s, x) -> s.users().create(new CreateUser(
            "u" + n.incrementAndGet(), "u" + n.get() + "@example.com", Role.VIEWER))),
        new Op("user.update", admins, nothing, (s, x) -> s.users().update(viewer.id(),
            new dev.restock.api.user.UpdateUser("viewer" + n.incrementAndGet() + "@example.com",
                null, null))),
        new Op("user.deactivate", admins, () -> user("temp" + n.incrementAndGet(),
            Role.VIEWER).id(), (s, id) -> s.users().deactivate((UUID) id)),
        new Op("service-order.create", managers, nothing, (s, x) -> s.serviceOrders().create(
            CreateServiceOrder.forRoute(f.route().id()))),
        new Op("service-order.assign", managers, () -> session.serviceOrders().create(
            CreateServiceOrder.forRoute(f.route().id())).id(),
            (s, id) -> s.serviceOrders().assign((UUID) id, driver.id())),
        new Op("service-order.dispatch", assigned, newAssignedOrder,
            (s, id) -> s.serviceOrders().dispatch((UUID) id)),
        new Op("service-order.complete-visit", assigned, dispatchedOrder,
            (s, id) -> s.serviceOrders().completeVisit((UUID) id,
                session.serviceOrders().get((UUID) id).visits().get(0).id(),
                new dev.restock.api.serviceorder.CompleteVisit(Map.of(), true, "done"))),
        new Op("service-order.skip-visit", assigned, dispatchedOrder,
            (s, id) -> s.serviceOrders().skipVisit((UUID) id,
                session.serviceOrders().get((UUID) id).visits().get(0).id(), "closed", true)),
        new Op("service-order.cancel", managers, newAssignedOrder,
            (s, id) -> s.serviceOrders().cancel((UUID) id, "no")));

    Map<String, User> actors = new LinkedHashMap<>();
    actors.put("ADMIN", admin);
    actors.put("MANAGER", manager);
    actors.put("DRIVER", driver);
    actors.put("OTHER_DRIVER", otherDriver);
    actors.put("VIEWER", viewer);
    int allowedCalls = 0;
    int refusedCalls = 0;
    for (Op op : ops) {
      for (Map.Entry<String, User> actor : actors.entrySet()) {
        RestockSession as = engine.as(Actor.user(actor.getValue().id()));
        Object prepared = op.prepare().get();
        long revisions = revisions();
        long events = events();
        if (op.allowed().contains(actor.getKey())) {
          op.act().accept(as, prepared);
          allowedCalls++;
        } else {
          assertThatThrownBy(() -> op.act().accept(as, prepared))
              .as("%s as %s", op.action(), actor.getKey())
              .isInstanceOfSatisfying(PermissionDeniedException.class,
                  e -> assertThat(e.action()).isEqualTo(op.action()))
              .hasMessageContaining(op.action());
          assertThat(revisions()).as("%s as %s", op.action(), actor.getKey())
              .isEqualTo(revisions);
          assertThat(events()).isEqualTo(events);
          refusedCalls++;
        }
      }
    }
    assertThat(allowedCalls + refusedCalls).isEqualTo(ops.size() * actors.size());
    assertThat(refusedCalls).isEqualTo(ops.stream()
        .mapToInt(op -> actors.size() - op.allowed().size()).sum());
  }

  @Test
  public void aRefusedCallWritesNothing() {
    User viewer = user("viewer", Role.VIEWER);
    long products = products();
    long revisions = revisions();
    long events = events();

    PermissionDeniedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        PermissionDeniedException.class, () -> engine.as(Actor.user(viewer.id())).products()
            .create(new CreateProduct("X", "X", "X", BigDecimal.ONE, 1)));

    assertThat(e.action()).isEqualTo("product.create");
    assertThat(e).hasMessageContaining("VIEWER");
    assertThat(products()).isEqualTo(products);
    assertThat(revisions()).isEqualTo(revisions);
    assertThat(events()).isEqualTo(events);
  }

  @Test
  public void unknownAndDeactivatedUsersAreRefused() {
    User manager = user("manager", Role.MANAGER);
    session.users().deactivate(manager.id());

    assertThatThrownBy(() -> engine.as(Actor.user(manager.id())).products()
        .list(PageRequest.of(0, 10), Visibility.LIVE))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("inactive");
    assertThatThrownBy(() -> engine.as(Actor.user(UUID.randomUUID())).locations()
        .create(new CreateLocation("L", "a")))
        .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("no live user");
    assertThat(session.locations().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total())
        .isZero();
    rowCount("location").ifPresent(n -> assertThat(n).isZero());
  }

  @Test
  public void aDriverHoldingOpenOrdersCannotBeDeactivated() {
    Fleet f = fleet();
    device(f, "M1");
    User driver = user("driver", Role.DRIVER);
    UUID order = assignedOrder(f, driver);
    String number = session.serviceOrders().get(order).number();

    assertThatThrownBy(() -> session.users().deactivate(driver.id()))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining(number);
    assertThatThrownBy(() -> session.users().update(driver.id(),
        new dev.restock.api.user.UpdateUser(null, null, false)))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining(number);
    assertThat(session.users().get(driver.id()).active()).isTrue();

    session.serviceOrders().cancel(order, "driver leaves");
    assertThat(session.users().deactivate(driver.id()).active()).isFalse();
  }

  // ------------------------------------------------------------------------------ soft delete

  @Test
  public void deletingADeviceCascadesAndRestoringBringsBackExactlyThose() {
    Fleet f = fleet();
    DeviceSetup setup = device(f, "M1");
    UUID device = setup.device().id();
    Planogram keep = setup.planograms().get(0);
    Planogram deletedBefore = setup.planograms().get(1);
    session.planograms().delete(deletedBefore.id());

    session.devices().delete(device);

    assertThat(deleted(AuditedType.DEVICE, "device", device)).isTrue();
    setup.device().cabinets().forEach(c -> assertThat(deleted(AuditedType.CABINET, "cabinet", c.id())).isTrue());
    keep.slots().forEach(s -> assertThat(deleted(AuditedType.SLOT, "slot", s.id())).isTrue());
    assertThat(deleted(AuditedType.PLANOGRAM, "planogram", keep.id())).isTrue();
    assertThatThrownBy(() -> session.planograms().get(keep.id()))
        .isInstanceOf(NotFoundException.class);

    session.devices().restore(device);

    assertThat(session.devices().get(device).cabinets()).hasSize(2);
    assertThat(session.planograms().get(keep.id()).slots()).hasSize(keep.slots().size());
    assertThat(deleted(AuditedType.PLANOGRAM, "planogram", deletedBefore.id())).as("deleted on its own, before")
        .isTrue();
    deletedBefore.slots().forEach(s -> assertThat(deleted(AuditedType.SLOT, "slot", s.id())).isTrue());

    for (AuditedType type : List.of(AuditedType.CABINET, AuditedType.SLOT,
        AuditedType.PLANOGRAM, AuditedType.DEVICE)) {
      UUID id = switch (type) {
        case CABINET -> setup.device().cabinets().get(0).id();
        case SLOT -> keep.slots().get(0).id();
        case PLANOGRAM -> keep.id();
        default -> device;
      };
      List<HistoryEntry> history = session.history().history(type, id);
      assertThat(history.stream().filter(h -> h.kind() == RevisionKind.DELETED)).as("%s", type)
          .singleElement().extracting(h -> h.info().action()).isEqualTo("device.delete");
      assertThat(history.stream().filter(h -> h.info().action().equals("device.restore")))
          .as("%s", type).singleElement().extracting(HistoryEntry::kind)
          .isEqualTo(RevisionKind.MODIFIED);
    }
    assertThat(session.history().deletion(AuditedType.DEVICE, device).info().actorId())
        .isEqualTo(admin.id());
  }

  @Test
  public void aProductThatLiveSlotsHoldIsNotDeletedUnlessAskedToEmptyThem() {
    Fleet f = fleet();
    DeviceSetup setup = device(f, "Lobby");

    assertThatThrownBy(() -> session.products().delete(f.cola().id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Lobby / cabinet 1 / A1")
        .hasMessageContaining("Lobby / cabinet 2 / A1");
    assertThat(deleted(AuditedType.PRODUCT, "product", f.cola().id())).isFalse();

    List<SlotLocation> emptied = session.products().deleteAndEmptySlots(f.cola().id());

    assertThat(emptied).extracting(SlotLocation::position).containsExactly("A1", "A1");
    assertThat(deleted(AuditedType.PRODUCT, "product", f.cola().id())).isTrue();
    Planogram after = session.planograms().get(setup.planograms().get(0).id());
    assertThat(after.slots()).filteredOn(s -> s.position().equals("A1")).singleElement()
        .satisfies(s -> {
          assertThat(s.productId()).isNull();
          assertThat(s.quantity()).isZero();
        });
    // the chips are still held: refused, named
    assertThatThrownBy(() -> session.products().delete(f.chips().id()))
        .isInstanceOf(ConflictException.class).hasMessageContaining("A2");
  }

  @Test
  public void listingOffersLiveDeletedAndBoth() {
    Fleet f = fleet();
    session.products().delete(f.water().id());

    assertThat(session.products().list(PageRequest.of(0, 10), Visibility.LIVE).items())
        .extracting(Product::sku).containsExactly("CHIPS", "COLA");
    assertThat(session.products().list(PageRequest.of(0, 10), Visibility.ONLY_DELETED).items())
        .extracting(Product::sku).containsExactly("WATER");
    assertThat(session.products().list(PageRequest.of(0, 10), Visibility.INCLUDE_DELETED)
        .items()).extracting(Product::sku).containsExactly("CHIPS", "COLA", "WATER");
  }

  @Test
  public void concurrentInsertsOfTheSameLiveSkuLetExactlyOneWin() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        start.await();
        try {
          session.products().create(new CreateProduct("SAME", "Same", "X", BigDecimal.ONE, 1));
          return "won";
        } catch (ConflictException e) {
          return "conflict";
        }
      }));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> r : results) {
      outcomes.add(r.get());
    }
    pool.shutdown();
    assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
    assertThat(outcomes).filteredOn("conflict"::equals).hasSize(threads - 1);
    assertThat(products()).isEqualTo(1);
  }

  // ------------------------------------------------------------------------------ history

  @Test
  public void historyAnswersWhoChangedWhatWhenAndHowItLookedThen() {
    // no sleeping: each instant between two steps is one the clock reached after the first step
    // and passed before the second
    Instant beforeAll = Kit.clockPast(Instant.now());
    Kit.clockPast(beforeAll);
    Product p = session.products().create(
        new CreateProduct("TEA", "Tea", "Drinks", new BigDecimal("1.00"), 6));
    Instant afterCreate = Kit.clockPast(Instant.now());
    Kit.clockPast(afterCreate);
    session.products().update(p.id(), new UpdateProduct(null, null, null,
        new BigDecimal("1.20"), null, null));
    session.products().update(p.id(), new UpdateProduct(null, "Green tea", null,
        new BigDecimal("1.40"), null, null));
    Instant afterUpdates = Kit.clockPast(Instant.now());
    Kit.clockPast(afterUpdates);
    session.products().delete(p.id());

    List<HistoryEntry> history = session.history().history(AuditedType.PRODUCT, p.id());
    assertThat(history).extracting(HistoryEntry::kind).containsExactly(RevisionKind.CREATED,
        RevisionKind.MODIFIED, RevisionKind.MODIFIED, RevisionKind.DELETED);
    assertThat(history.get(1).info().correlationId()).isEqualTo("req-42");
    assertThat(history.get(1).info().reason()).isEqualTo("audit suite");
    assertThat(history.get(1).info().actionKind()).isEqualTo("update");
    assertThat(history.get(3).info().actionKind()).isEqualTo("delete");

    List<FieldChange> diff = session.history().diff(AuditedType.PRODUCT, p.id(),
        history.get(0).info().number(), history.get(2).info().number());
    assertThat(diff).extracting(FieldChange::field).contains("name", "price");
    assertThat(diff).filteredOn(c -> c.field().equals("price")).singleElement()
        .satisfies(c -> {
          assertThat(new BigDecimal(c.oldValue())).isEqualByComparingTo("1.00");
          assertThat(new BigDecimal(c.newValue())).isEqualByComparingTo("1.40");
        });

    EntityRevision then = session.history().asOf(AuditedType.PRODUCT, p.id(), afterCreate);
    assertThat(then.state().get("name")).isEqualTo("Tea");
    assertThat(session.history().asOf(AuditedType.PRODUCT, p.id(), afterUpdates).state()
        .get("name")).isEqualTo("Green tea");
    assertThatThrownBy(() -> session.history().asOf(AuditedType.PRODUCT, p.id(), beforeAll))
        .isInstanceOf(NotFoundException.class);

    List<EntityChange> mine = session.history().changesBy(admin.id(), beforeAll,
        Instant.now().plusSeconds(1));
    assertThat(mine).filteredOn(c -> c.id().equals(p.id())).extracting(EntityChange::kind)
        .containsExactly(RevisionKind.CREATED, RevisionKind.MODIFIED, RevisionKind.MODIFIED,
            RevisionKind.DELETED);
    assertThat(session.history().changesBy(admin.id(), beforeAll, afterCreate))
        .extracting(EntityChange::id).containsExactly(p.id());

    var deletion = session.history().deletion(AuditedType.PRODUCT, p.id());
    assertThat(deletion.info().actorId()).isEqualTo(admin.id());
    assertThat(deletion.info().action()).isEqualTo("product.delete");
  }

  @Test
  public void aWholeDeviceCanBeSeenAsItWasAtAGivenTime() {
    Fleet f = fleet();
    DeviceSetup setup = device(f, "M1");
    Slot a1 = setup.planograms().get(0).slots().stream()
        .filter(s -> s.position().equals("A1")).findFirst().orElseThrow();
    Instant beforeSales = Kit.clockPast(Instant.now());
    Kit.clockPast(beforeSales);
    session.sales().record(new RecordSales(List.of(new SaleEntry(a1.id(), 3, null))));

    DeviceSnapshot then = session.history().deviceAsOf(setup.device().id(), beforeSales);
    DeviceSnapshot now = session.history().deviceAsOf(setup.device().id(), Instant.now());

    assertThat(then.device().get("name")).isEqualTo("M1");
    assertThat(then.cabinets()).hasSize(2);
    assertThat(then.cabinets().get(0).planograms()).singleElement()
        .satisfies(p -> assertThat(p.slots()).hasSize(4));
    assertThat(quantityOfA1(then)).isEqualTo(String.valueOf(a1.quantity()));
    assertThat(quantityOfA1(now)).isEqualTo(String.valueOf(a1.quantity() - 3));
    // the planogram with its slots, as of a time, is one call too
    assertThat(session.history().asOf(AuditedType.PLANOGRAM, setup.planograms().get(0).id(),
        beforeSales).state()).containsKey("slot[A1]");
  }

  private static String quantityOfA1(DeviceSnapshot snapshot) {
    return snapshot.cabinets().get(0).planograms().get(0).slots().stream()
        .filter(s -> "A1".equals(s.get("position"))).findFirst().orElseThrow().get("quantity");
  }

  @Test
  public void orderLinesAreCoveredByTheOrdersHistory() {
    Fleet f = fleet();
    device(f, "M1");
    User driver = user("driver", Role.DRIVER);
    session.stock().receive(f.cola().id(), 500, "in");
    session.stock().receive(f.chips().id(), 500, "in");
    session.stock().receive(f.water().id(), 500, "in");
    UUID order = assignedOrder(f, driver);
    session.serviceOrders().dispatch(order);
    ServiceOrder o = session.serviceOrders().get(order);
    engine.as(Actor.user(driver.id())).serviceOrders().completeVisit(order,
        o.visits().get(0).id(), new dev.restock.api.serviceorder.CompleteVisit(Map.of(), false, "ok"));

    List<HistoryEntry> history = session.history().history(AuditedType.SERVICE_ORDER, order);
    HistoryEntry completion = history.get(history.size() - 1);
    assertThat(completion.info().action()).isEqualTo("service-order.complete-visit");
    assertThat(completion.info().actorId()).isEqualTo(driver.id());
    assertThat(completion.changes()).extracting(FieldChange::field)
        .anyMatch(field -> field.startsWith("line["))
        .anyMatch(field -> field.startsWith("visit["));
  }

  // ------------------------------------------------------------------------------ audit log

  @Test
  public void domainEventsAreLoggedWithTheChangeAndPublishedOnlyAfterCommit() {
    Product p = session.products().create(
        new CreateProduct("TEA", "Tea", "Drinks", new BigDecimal("1.00"), 6));
    session.products().update(p.id(), new UpdateProduct(null, "Black tea", null, null, null,
        null));
    assertThatThrownBy(() -> session.products().create(
        new CreateProduct("TEA", "Again", "Drinks", BigDecimal.ONE, 1)))
        .isInstanceOf(ConflictException.class);

    List<AuditEvent> events = session.history().events(admin.id(), Instant.EPOCH);
    assertThat(events).extracting(AuditEvent::action)
        .containsExactly("product.create", "product.update");
    assertThat(events.get(0).resourceId()).isEqualTo(p.id());
    assertThat(events.get(0).resourceType()).isEqualTo("product");
    assertThat(events.get(0).correlationId()).isEqualTo("req-42");
    assertThat(events.get(0).details()).containsEntry("reason", "audit suite");
    assertThat(events.get(0).revision()).isPositive();

    // plugin sinks: both committed events, nothing for the refused duplicate; the broken sink's
    // failures are counted and did not break anything
    assertThat(published).extracting(AuditEvent::action)
        .containsSubsequence("product.create", "product.update")
        .filteredOn(a -> a.equals("product.create")).hasSize(1);
    assertThat(engine.auditSinkFailures().get("broken")).isEqualTo(published.size());
    assertThat(engine.auditSinkFailures().get("recording")).isZero();

    List<ActivitySummary> activity = session.history().activity(admin.id(), 30);
    assertThat(activity).extracting(ActivitySummary::action, ActivitySummary::count)
        .contains(org.assertj.core.groups.Tuple.tuple("product.create", 1L),
            org.assertj.core.groups.Tuple.tuple("product.update", 1L));
    assertThat(session.history().activity(null, 30)).extracting(ActivitySummary::actorId)
        .contains(admin.id(), Actor.SYSTEM_ID);
  }

  @Test
  public void pluginSinksReceiveEachEventWithTheRevisionItWasCommittedUnder() {
    Product tea = session.products().create(
        new CreateProduct("TEA", "Tea", "Drinks", new BigDecimal("1.00"), 6));
    // a composed unit is one revision: both of its events carry it
    List<Product> both = engine.inUnitOfWork(Actor.user(admin.id()), s -> List.of(
        s.products().create(new CreateProduct("MATE", "Mate", "Drinks", BigDecimal.ONE, 6)),
        s.products().create(new CreateProduct("KOMBU", "Kombucha", "Drinks", BigDecimal.ONE, 6))));

    Map<UUID, Long> stored = new LinkedHashMap<>();
    session.history().events(admin.id(), Instant.EPOCH).stream()
        .filter(e -> e.action().equals("product.create"))
        .forEach(e -> stored.put(e.resourceId(), e.revision()));
    Map<UUID, Long> delivered = new LinkedHashMap<>();
    published.stream().filter(e -> e.action().equals("product.create"))
        .forEach(e -> delivered.put(e.resourceId(), e.revision()));
    for (Product p : List.of(tea, both.get(0), both.get(1))) {
      long history = session.history().history(AuditedType.PRODUCT, p.id()).get(0).info()
          .number();
      assertThat(delivered.get(p.id())).as("revision the sink got for %s", p.sku())
          .isPositive().isEqualTo(stored.get(p.id())).isEqualTo(history);
    }
    assertThat(delivered.get(both.get(0).id())).isEqualTo(delivered.get(both.get(1).id()))
        .isNotEqualTo(delivered.get(tea.id()));
  }

  @Test
  public void theChainStaysIntactUnderConcurrentWriters() throws Exception {
    int threads = 6;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < each; i++) {
          session.products().create(new CreateProduct("T" + thread + "-" + i, "P", "X",
              BigDecimal.ONE, 1));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    ChainVerification result = session.history().verify();
    assertThat(result.intact()).as("%s", result.problem()).isTrue();
    assertThat(result.checked()).isGreaterThanOrEqualTo(threads * each);
    rowCount("audit_revision").ifPresent(n -> assertThat(result.checked()).isEqualTo(n));
  }

  // ------------------------------------------------------------------------------ helpers

  private Fleet fleet() {
    return EngineFixture.fleet(session);
  }

  /** A device on the fleet's route with two 3x3 cabinets, each with a planogram of 4 slots. */
  private DeviceSetup device(Fleet f, String name) {
    return EngineFixture.device(session, f, name, 2, 2);
  }

  private User user(String name, Role role) {
    return session.users().create(new CreateUser(name, name + "@example.com", role));
  }

  /** A new order for the route, assigned to {@code driver}, created by the admin. */
  private UUID assignedOrder(Fleet f, User driver) {
    ServiceOrder order = session.serviceOrders().create(CreateServiceOrder.forRoute(f.route().id()));
    return session.serviceOrders().assign(order.id(), driver.id()).id();
  }

  /** Committed revisions: the chain check counts every one. */
  private long revisions() {
    return session.history().verify().checked();
  }

  private long events() {
    return session.history().events(null, Instant.EPOCH).size();
  }

  private long products() {
    long viaApi = session.products().list(PageRequest.first(), Visibility.INCLUDE_DELETED)
        .total();
    rowCount("product").ifPresent(n -> assertThat(n).as("product rows").isEqualTo(viaApi));
    return viaApi;
  }

  /**
   * Whether the entity's latest history entry is its deletion, and (where the store has tables)
   * whether its row is marked deleted; both must agree.
   */
  private boolean deleted(AuditedType type, String table, UUID id) {
    List<HistoryEntry> history = session.history().history(type, id);
    assertThat(history).as("%s %s has history", type, id).isNotEmpty();
    boolean deleted = history.get(history.size() - 1).kind() == RevisionKind.DELETED;
    rowDeleted(table, id).ifPresent(row -> assertThat(row).as("%s %s row", table, id)
        .isEqualTo(deleted));
    return deleted;
  }
}
