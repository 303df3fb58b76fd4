package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.InsufficientStockException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.spi.Store;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Service orders, stock and delivery notes through the whole engine, on any store: order
 * creation from the pick list and from visit policies, the lifecycle and its refusals, stock
 * that never goes negative, gapless numbers from many threads, and concurrent dispatches and
 * changes. Extend it with {@link #openEngine}; the engine must have the standard pick lists
 * plugin ({@code days-of-cover}, {@code threshold}) registered. Every test starts a new engine on
 * a new, empty store.
 */
public abstract class ServiceOrderContract {
  private Restock engine;
  private RestockSession ops;
  private User driver;
  private Location location;
  private Route route;
  private DeviceType deviceType;
  private CabinetType cabinetType;
  private Product cola;
  private Product chips;
  private final String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());

  /**
   * An engine on a new, empty store opened through {@code wrap} (identity, or a {@link
   * ForwardingStore} that injects a failure), with {@code minutesPerVisit} and the standard pick
   * lists plugin.
   */
  protected abstract Restock openEngine(int minutesPerVisit, UnaryOperator<Store> wrap);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Rows of a table, for stores that have tables: the suite then also checks that refused
   * operations left none. Empty (the default) for stores without.
   */
  protected OptionalLong rowCount(String table) {
    return OptionalLong.empty();
  }

  private void start() {
    start(10, UnaryOperator.identity());
  }

  private void start(int minutesPerVisit, UnaryOperator<Store> wrap) {
    engine = openEngine(minutesPerVisit, wrap);
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    ops = engine.as(Actor.user(admin.id()));
    driver = ops.users().create(new CreateUser("dave", "dave@example.com", Role.DRIVER));
    location = ops.locations().create(new CreateLocation("Depot", null));
    route = ops.routes().create(new CreateRoute("R1", "North", 7));
    deviceType = ops.deviceTypes().create(new CreateDeviceType("Combo", 2));
    cabinetType = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
    cola = ops.products().create(new CreateProduct("COLA", "Cola", "Drinks",
        new BigDecimal("1.00"), 6));
    chips = ops.products().create(new CreateProduct("CHIPS", "Chips", "Snacks",
        new BigDecimal("0.80"), 10));
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  /** A two-cabinet device: cola in A1 and A2 of cabinet 1 (two slots, one product), chips in 2. */
  private DeviceSetup device(String name) {
    return ops.devices().setUp(new SetUpDevice(
        new CreateDevice(name, "SN-" + name, location.id(), route.id(), deviceType.id(), List.of(
            new CabinetSpec(1, cabinetType.id(), 3, 3), new CabinetSpec(2, cabinetType.id(), 3, 3))),
        List.of(new CabinetPlanogram(1, name + "-1", List.of(
                new SlotSpec("A1", cola.id(), 10, 8, 2, null),
                new SlotSpec("A2", cola.id(), 10, 10, 7, null))),
            new CabinetPlanogram(2, name + "-2", List.of(
                new SlotSpec("A1", chips.id(), 12, 12, 12, null))))));
  }

  /** No order is stored (through the API) and, where the store has tables, none of these rows. */
  private void assertNoOrders(String... tables) {
    assertThat(ops.serviceOrders().list(PageRequest.first()).total()).isZero();
    for (String table : tables) {
      rowCount(table).ifPresent(n -> assertThat(n).as("rows in " + table).isZero());
    }
  }

  @Test
  public void anOrderFromTheRouteHasExactlyThePreviewsLinesPerSlot() {
    start();
    device("M1");
    DeviceSetup m2 = device("M2");
    Slot m2a1 = m2.planograms().get(1).slotAt("A1").orElseThrow();
    ops.sales().record(new RecordSales(List.of(SaleEntry.sold(m2a1.id(), 5))));

    PickList preview = ops.pickLists().preview(route.id());
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));

    assertThat(order.number()).isEqualTo("SO-" + year + "-000001");
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.visits()).hasSize(4);
    assertThat(order.estimatedMinutes()).isEqualTo(40);
    List<OrderLine> lines = order.visits().stream().flatMap(v -> v.lines().stream()).toList();
    assertThat(lines).extracting(OrderLine::slotId, OrderLine::planned)
        .containsExactlyElementsOf(preview.lines().stream()
            .map(l -> tuple(l.slotId(), l.pick())).toList());
    // two cola slots in one cabinet give two lines, not one per product
    Visit m1c1 = order.visits().get(0);
    assertThat(m1c1.lines()).extracting(OrderLine::position, OrderLine::planned)
        .containsExactly(tuple("A1", 6), tuple("A2", 3));
    assertThat(order.totalUnits()).isEqualTo(preview.totalUnits()).isEqualTo(23);

    PickList kit = ops.serviceOrders().pickList(order.id(), true);
    assertThat(kit.totals()).extracting(t -> t.sku(), t -> t.units())
        .containsExactly(tuple("COLA", 18), tuple("CHIPS", 10));
  }

  @Test
  public void aBadSelectionNamesEveryCabinetAndWritesNothing() {
    start();
    DeviceSetup m1 = device("M1");
    DeviceSetup gone = device("GONE");
    ops.devices().delete(gone.device().id());
    UUID stranger = UUID.randomUUID();
    UUID goneCabinet = gone.device().cabinets().get(0).id();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ops.serviceOrders().create(new CreateServiceOrder(route.id(),
            List.of(m1.device().cabinets().get(0).id(), stranger, goneCabinet), null, null, null)));

    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("cabinetIds[1]", "cabinetIds[2]");
    assertThat(e.getMessage()).contains(stranger.toString()).contains(goneCabinet.toString());
    assertNoOrders("service_order", "service_visit", "number_series");
    assertThatThrownBy(() -> new CreateServiceOrder(route.id(), List.of(), null, null, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at least one cabinet");
    UUID c = m1.device().cabinets().get(0).id();
    assertThatThrownBy(() -> new CreateServiceOrder(route.id(), List.of(c, c), null, null, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("selected twice");
  }

  @Test
  public void aFailureHalfwayThroughCreationLeavesNoTraceAndNoGap() {
    start(10, FailingOnceOrderStore::new);
    device("M1");
    assertThatThrownBy(() -> ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("injected");
    assertNoOrders("service_order", "order_line");
    // the number taken by the failed unit was given back
    assertThat(ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id())).number())
        .isEqualTo("SO-" + year + "-000001");
  }

  @Test
  public void theLifecycleRunsFromPendingToCompletedAndRefusesEveryOtherStep() {
    start();
    DeviceSetup m1 = device("M1");
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
    UUID id = order.id();

    assertThatThrownBy(() -> ops.serviceOrders().dispatch(id))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("PENDING");
    User viewer = ops.users().create(new CreateUser("vic", "vic@example.com", Role.VIEWER));
    assertThatThrownBy(() -> ops.serviceOrders().assign(id, viewer.id()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("not DRIVER");
    assertThat(ops.serviceOrders().assign(id, driver.id()).status()).isEqualTo(OrderStatus.ASSIGNED);

    // cola needs 9 (6 + 3), chips nothing; only 4 cola in stock
    ops.stock().receive(cola.id(), 4, "first delivery");
    InsufficientStockException shortage = catchThrowableOfType(InsufficientStockException.class,
        () -> ops.serviceOrders().dispatch(id));
    assertThat(shortage.shortages()).extracting(s -> s.sku(), s -> s.needed(), s -> s.available())
        .containsExactly(tuple("COLA", 9, 4));
    assertThat(ops.stock().level(cola.id()).onHand()).isEqualTo(4);
    assertThat(ops.serviceOrders().get(id).deliveryNoteId()).isNull();
    assertThatThrownBy(() -> ops.stock().deliveryNote("DN-" + year + "-000001"))
        .isInstanceOf(NotFoundException.class);
    rowCount("delivery_note").ifPresent(n -> assertThat(n).isZero());
    assertThat(ops.serviceOrders().get(id).status()).isEqualTo(OrderStatus.ASSIGNED);

    ops.stock().receive(cola.id(), 10, "second delivery");
    DeliveryNote note = ops.serviceOrders().dispatch(id);
    assertThat(note.number()).isEqualTo("DN-" + year + "-000001");
    assertThat(note.lines()).extracting(DeliveryNoteLine::sku, DeliveryNoteLine::quantity)
        .containsExactly(tuple("COLA", 9));
    assertThat(ops.stock().level(cola.id()).onHand()).isEqualTo(5);
    assertThat(ops.stock().deliveryNote(note.number()).orderNumber()).isEqualTo(order.number());
    assertThat(ops.stock().deliveryNotes(Criteria.where("routeId", Criteria.Operator.EQ,
        route.id()).and("orderNumber", Criteria.Operator.EQ, order.number()),
        PageRequest.of(0, 10)).items()).containsExactly(note);
    assertThatThrownBy(() -> ops.stock().deliveryNotes(Criteria.where("createdAt",
        Criteria.Operator.GT, "yesterday"), PageRequest.of(0, 10)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("filters[0].field"))
        .hasMessageContaining("issuedAt");
    assertThatThrownBy(() -> ops.serviceOrders().cancel(id, "too late"))
        .isInstanceOf(IllegalStateTransitionException.class);

    Visit first = order.visits().get(0);
    Slot a1 = m1.planograms().get(0).slotAt("A1").orElseThrow();
    Slot a2 = m1.planograms().get(0).slotAt("A2").orElseThrow();
    // A2 holds 7 of 10: delivering 4 would pass capacity -> refused, nothing written
    ValidationException over = catchThrowableOfType(ValidationException.class,
        () -> ops.serviceOrders().completeVisit(id, first.id(), new CompleteVisit(
            Map.of(a2.id(), 4), false, null)));
    assertThat(over.getMessage()).contains("slot A2 holds 7 of 10");
    assertThat(ops.planograms().get(m1.planograms().get(0).id()).slotAt("A1").orElseThrow()
        .quantity()).isEqualTo(2);

    ServiceOrder afterFirst = ops.serviceOrders().completeVisit(id, first.id(),
        new CompleteVisit(Map.of(a1.id(), 5), true, "A1 short by one"));
    var planogram = ops.planograms().get(m1.planograms().get(0).id());
    assertThat(planogram.slotAt("A1").orElseThrow().quantity()).isEqualTo(7);
    assertThat(planogram.slotAt("A2").orElseThrow().quantity()).isEqualTo(10);
    assertThat(ops.stock().level(cola.id()).onHand()).as("one undelivered unit returned")
        .isEqualTo(6);
    assertThat(afterFirst.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    assertThat(afterFirst.visits().get(0).status()).isEqualTo(VisitStatus.COMPLETED);
    assertThatThrownBy(() -> ops.serviceOrders().completeVisit(id, first.id(),
        CompleteVisit.asPlanned())).isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("already COMPLETED");

    assertThatThrownBy(() -> ops.serviceOrders().skipVisit(id, order.visits().get(1).id(), " ",
        false)).isInstanceOf(ValidationException.class);
    ServiceOrder done = ops.serviceOrders().skipVisit(id, order.visits().get(1).id(),
        "machine blocked by a van", false);
    assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(done.visits().get(1).notes()).isEqualTo("machine blocked by a van");
  }

  @Test
  public void anOrderWithNothingToLoadDispatchesWithAnEmptyNoteAndCompletes() {
    start();
    Route full = ops.routes().create(new CreateRoute("R2", "Full", 7));
    ops.devices().setUp(new SetUpDevice(new CreateDevice("F1", "SN-F1", location.id(), full.id(),
        deviceType.id(), List.of(new CabinetSpec(1, cabinetType.id(), 3, 3))),
        List.of(new CabinetPlanogram(1, "full", List.of(
            new SlotSpec("A1", cola.id(), 10, 8, 10, null))))));
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(full.id()));
    assertThat(order.totalUnits()).isZero();
    ops.serviceOrders().assign(order.id(), driver.id());
    assertThat(ops.serviceOrders().dispatch(order.id()).lines()).isEmpty();
    assertThat(ops.serviceOrders().completeVisit(order.id(), order.visits().get(0).id(),
        CompleteVisit.asPlanned()).status()).isEqualTo(OrderStatus.COMPLETED);
  }

  @Test
  public void pendingAndAssignedOrdersCanBeCancelledWithAReason() {
    start();
    device("M1");
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
    assertThatThrownBy(() -> ops.serviceOrders().cancel(order.id(), ""))
        .isInstanceOf(ValidationException.class);
    ServiceOrder cancelled = ops.serviceOrders().cancel(order.id(), "route closed today");
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.notes()).isEqualTo("route closed today");
    assertThatThrownBy(() -> ops.serviceOrders().assign(order.id(), driver.id()))
        .isInstanceOf(IllegalStateTransitionException.class);
  }

  @Test
  public void stockNeverGoesNegativeAndAdjustmentsNeedAReason() {
    start();
    ops.stock().receive(chips.id(), 5, null);
    assertThatThrownBy(() -> ops.stock().adjust(chips.id(), -6, "count"))
        .isInstanceOf(InsufficientStockException.class).hasMessageContaining("CHIPS");
    assertThatThrownBy(() -> ops.stock().adjust(chips.id(), -1, null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    assertThat(ops.stock().adjust(chips.id(), -2, "broken bags").onHand()).isEqualTo(3);
    assertThat(ops.stock().levels()).extracting(l -> l.sku(), l -> l.onHand())
        .containsExactly(tuple("CHIPS", 3), tuple("COLA", 0));
  }

  @Test
  public void numbersStayUniqueAndGaplessWithSixteenThreadsCreatingOrdersAndDeliveryNotes()
      throws Exception {
    start();
    device("M1");
    int threads = 16;
    int perThread = 3;
    ops.stock().receive(cola.id(), threads * perThread * 9, "enough for every order");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> orderNumbers = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> noteNumbers = new ConcurrentLinkedQueue<>();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          ServiceOrder o = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
          orderNumbers.add(o.number());
          ops.serviceOrders().assign(o.id(), driver.id());
          // concurrent dispatches contend for the same stock rows: retry conflicts as a client would
          for (int attempt = 0; ; attempt++) {
            try {
              noteNumbers.add(ops.serviceOrders().dispatch(o.id()).number());
              break;
            } catch (ConflictException e) {
              if (attempt > 100) {
                throw e;
              }
              Thread.sleep(2);
            }
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(3, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(orderNumbers).hasSize(threads * perThread);
    assertThat(new TreeSet<>(orderNumbers)).isEqualTo(series("SO", threads * perThread));
    assertThat(noteNumbers).hasSize(threads * perThread);
    assertThat(new TreeSet<>(noteNumbers)).isEqualTo(series("DN", threads * perThread));
    assertThat(ops.stock().level(cola.id()).onHand()).isZero();
  }

  private Set<String> series(String prefix, int count) {
    Set<String> expected = new TreeSet<>();
    for (int n = 1; n <= count; n++) {
      expected.add(String.format("%s-%s-%06d", prefix, year, n));
    }
    return expected;
  }

  @Test
  public void estimatedMinutesFollowTheConfiguredMinutesPerVisit() {
    start(25, UnaryOperator.identity());
    device("M1");
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
    assertThat(order.estimatedMinutes()).isEqualTo(2 * 25);
  }


  @Test
  public void daysOfCoverPlansFromRecordedSalesAndThresholdSelectsOnlyDepletedCabinets() {
    start();
    DeviceSetup m1 = device("M1");
    device("M2");
    Slot m1a2 = m1.planograms().get(0).slotAt("A2").orElseThrow();
    Slot m1chips = m1.planograms().get(1).slotAt("A1").orElseThrow();
    // 7 cola sold from M1 A2 (7 -> 0) and 8 chips from M1 cabinet 2 (12 -> 4)
    ops.sales().record(new RecordSales(List.of(SaleEntry.sold(m1a2.id(), 7),
        SaleEntry.sold(m1chips.id(), 8))));

    ServiceOrder order = ops.serviceOrders().create(new CreateServiceOrder(route.id(), null,
        "threshold", "days-of-cover", null));

    // threshold (40% depletion or 2 sold-out slots): M1 cabinet 1 misses 6+10 of 18 par (89%),
    // M1 cabinet 2 misses 8 of 12 (67%); M2 cabinet 1 misses 6+3 of 18 (50%); M2 cabinet 2 is full
    assertThat(order.visits()).extracting(Visit::deviceName, Visit::cabinetIndex)
        .containsExactly(tuple("M1", 1), tuple("M1", 2), tuple("M2", 1));
    assertThat(order.strategyId()).isEqualTo("days-of-cover");
    // days-of-cover (28-day window, 7-day interval + 2 safety days): A2 sold 7 -> 0.25/day ->
    // ceil(2.25) = 3 units; chips sold 8 -> ceil(2.57) = 3 units, holds 4 -> nothing;
    // slots without sales fall back to par: A1 8 - 2 = 6
    Visit m1c1 = order.visits().get(0);
    assertThat(m1c1.lines()).extracting(OrderLine::position, OrderLine::planned)
        .containsExactly(tuple("A1", 6), tuple("A2", 3));
    assertThat(order.visits().get(1).lines()).isEmpty();
    assertThat(engine.pickListStrategies()).contains("fill-to-capacity", "days-of-cover");
    assertThat(engine.visitPolicies()).containsExactly("all-cabinets", "threshold");
  }

  @Test
  public void aPolicyThatSelectsNothingIsRefusedAndNothingIsWritten() {
    start();
    Route full = ops.routes().create(new CreateRoute("R2", "Full", 7));
    ops.devices().setUp(new SetUpDevice(new CreateDevice("F1", "SN-F1", location.id(), full.id(),
        deviceType.id(), List.of(new CabinetSpec(1, cabinetType.id(), 3, 3))),
        List.of(new CabinetPlanogram(1, "full", List.of(
            new SlotSpec("A1", cola.id(), 10, 8, 10, null))))));
    assertThatThrownBy(() -> ops.serviceOrders().create(
        new CreateServiceOrder(full.id(), null, "threshold", null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("visit policy 'threshold' selects no cabinet of route R2");
    assertThatThrownBy(() -> ops.serviceOrders().create(
        new CreateServiceOrder(full.id(), null, "no-such-policy", null, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("known: all-cabinets, threshold");
    assertNoOrders("service_order");
  }

  @Test
  public void concurrentDispatchesNeverDriveStockNegativeNorLoseAnUpdate() throws Exception {
    start();
    device("M1");
    int orders = 8;
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      ServiceOrder o = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
      ops.serviceOrders().assign(o.id(), driver.id());
      ids.add(o.id());
    }
    int perOrder = 9; // cola: 6 + 3
    int stock = perOrder * 5 + 4; // enough for five orders, not six
    ops.stock().receive(cola.id(), stock, "for the race");

    ExecutorService pool = Executors.newFixedThreadPool(orders);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (UUID id : ids) {
      results.add(pool.submit(() -> {
        start.await();
        // retry conflicts as a client would; a shortage is final
        for (int attempt = 0; attempt < 50; attempt++) {
          try {
            ops.serviceOrders().dispatch(id);
            return true;
          } catch (InsufficientStockException e) {
            return false;
          } catch (ConflictException e) {
            Thread.sleep(5);
          }
        }
        throw new AssertionError("dispatch kept conflicting");
      }));
    }
    start.countDown();
    int dispatched = 0;
    for (Future<Boolean> r : results) {
      dispatched += r.get(3, TimeUnit.MINUTES) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(dispatched).isEqualTo(5);
    assertThat(ops.stock().level(cola.id()).onHand()).isEqualTo(stock - dispatched * perOrder)
        .isEqualTo(4);
    long withNotes = ids.stream()
        .filter(id -> ops.serviceOrders().get(id).deliveryNoteId() != null).count();
    assertThat(withNotes).isEqualTo(dispatched);
    for (int n = 1; n <= dispatched; n++) {
      assertThat(ops.stock().deliveryNote(String.format("DN-%s-%06d", year, n)).lines())
          .isNotEmpty();
    }
    String next = String.format("DN-%s-%06d", year, dispatched + 1);
    assertThatThrownBy(() -> ops.stock().deliveryNote(next)).isInstanceOf(NotFoundException.class);
    long notes = dispatched;
    rowCount("delivery_note").ifPresent(n -> assertThat(n).isEqualTo(notes));
  }

  @Test
  public void twoConcurrentChangesToOneOrderNeverBothWin() throws Exception {
    start();
    device("M1");
    for (int round = 0; round < 5; round++) {
      ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<String> assign = pool.submit(() -> {
        start.await();
        return outcome(() -> ops.serviceOrders().assign(order.id(), driver.id()));
      });
      Future<String> cancel = pool.submit(() -> {
        start.await();
        return outcome(() -> ops.serviceOrders().cancel(order.id(), "changed plans"));
      });
      start.countDown();
      List<String> outcomes = List.of(assign.get(1, TimeUnit.MINUTES),
          cancel.get(1, TimeUnit.MINUTES));
      pool.shutdown();
      // both may succeed only one after the other (assign, then cancel an ASSIGNED order)
      ServiceOrder after = ops.serviceOrders().get(order.id());
      if (outcomes.equals(List.of("ok", "ok"))) {
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.driverId()).isEqualTo(driver.id());
      } else {
        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes).allMatch(o -> o.equals("ok") || o.equals("conflict")
            || o.equals("illegal-state"));
      }
    }
  }

  private static String outcome(Runnable change) {
    try {
      change.run();
      return "ok";
    } catch (ConflictException e) {
      return "conflict";
    } catch (IllegalStateTransitionException e) {
      return "illegal-state";
    }
  }

  /**
   * Forwards to the real store, but the first order written fails right after it was written,
   * inside its unit of work; later ones go through.
   */
  private static final class FailingOnceOrderStore extends ForwardingStore {
    private final AtomicBoolean failed = new AtomicBoolean();

    FailingOnceOrderStore(Store delegate) {
      super(delegate);
    }

    @Override
    public dev.restock.api.serviceorder.port.out.ServiceOrderStore serviceOrders() {
      var real = super.serviceOrders();
      return new dev.restock.api.serviceorder.port.out.ServiceOrderStore() {
        @Override public ServiceOrder add(ServiceOrder order) {
          ServiceOrder added = real.add(order);
          if (failed.compareAndSet(false, true)) {
            throw new IllegalStateException("injected failure after the order was written");
          }
          return added;
        }
        @Override public ServiceOrder update(ServiceOrder order) { return real.update(order); }
        @Override public java.util.Optional<ServiceOrder> find(UUID id) { return real.find(id); }
        @Override public java.util.Optional<ServiceOrder> findByNumber(String n) {
          return real.findByNumber(n);
        }
        @Override public dev.restock.api.query.Page<ServiceOrder> list(PageRequest r) {
          return real.list(r);
        }
        @Override public dev.restock.api.query.Page<ServiceOrder> find(
            dev.restock.api.query.Criteria c, PageRequest r) {
          return real.find(c, r);
        }
        @Override public java.util.List<String> openOrderNumbers(UUID driver) {
          return real.openOrderNumbers(driver);
        }
      };
    }
  }
}
