package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rules of service orders that a host relies on, through the whole engine on any store:
 * reassignment until dispatch (audited), a visit completed against slots the office re-planned
 * after dispatch (refused naming every slot, or recorded as undelivered when the driver asks),
 * order creation naming every problem on the command's field names, and a pick-list preview for
 * a service date. Refusals are checked to have written nothing by reading the store afterwards.
 * Extend it with {@link #openEngine}; every test starts a new engine on a new, empty store.
 */
@Experimental(since = "0.2")
public abstract class ServiceOrderRulesContract {
  private static final String DATED = "tck-dated-fill-to-par";
  /** Where "today" is a day ahead of UTC for half of every UTC day. */
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  private Restock engine;
  private RestockSession ops;
  private User admin;
  private User dave;
  private User erin;
  private Fleet fleet;
  private final Set<LocalDate> plannedFor = ConcurrentHashMap.newKeySet();

  /**
   * An engine on a new, empty store reading {@code clock}, with {@code plugins} registered
   * besides the built-in ones.
   */
  protected abstract Restock openEngine(Clock clock, EnginePlugin... plugins);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  /** Fill to par, remembering each day it was asked to plan for. */
  private final class DatedFillToPar implements PickListStrategy {
    @Override public String id() { return DATED; }

    @Override public int plan(SlotSnapshot slot, PlanContext context) {
      plannedFor.add(context.date());
      return Math.max(0, slot.parLevel() - slot.quantity());
    }
  }

  private void start(Clock clock) {
    PickListStrategy dated = new DatedFillToPar();
    engine = openEngine(clock, new EnginePlugin() {
      @Override public String id() { return "tck-service-order-rules"; }

      @Override public void register(PluginRegistrar registrar) {
        registrar.pickListStrategy(dated);
      }
    });
    admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    ops = engine.as(Actor.user(admin.id()));
    dave = ops.users().create(new CreateUser("dave", "dave@example.com", Role.DRIVER));
    erin = ops.users().create(new CreateUser("erin", "erin@example.com", Role.DRIVER));
    fleet = EngineFixture.fleet(ops);
  }

  private void start() {
    start(Clock.systemUTC());
  }

  /** One cabinet: A1 cola plans 2, A2 chips plans 6, B1 water plans 6, C3 empty. */
  private DeviceSetup machine() {
    return EngineFixture.device(ops, fleet, "M1", 1, 0);
  }

  private ServiceOrder dispatchedOrder() {
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route().id()));
    ops.serviceOrders().assign(order.id(), dave.id());
    ops.stock().receive(fleet.cola().id(), 50, "in");
    ops.stock().receive(fleet.chips().id(), 50, "in");
    ops.stock().receive(fleet.water().id(), 50, "in");
    ops.serviceOrders().dispatch(order.id());
    return ops.serviceOrders().get(order.id());
  }

  private int onHand(UUID product) {
    return ops.stock().level(product).onHand();
  }

  // ------------------------------------------------------------------------------ reassignment

  @Test
  public void anAssignedOrderIsReassignedUntilDispatchAndHistoryShowsWhoWhenAndWhy() {
    start();
    machine();
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route().id()));
    ops.serviceOrders().assign(order.id(), dave.id());
    Instant before = Instant.now().minusSeconds(1);

    ServiceOrder reassigned = ops.serviceOrders().assign(order.id(), erin.id(), "Dave is ill");

    assertThat(reassigned.status()).isEqualTo(OrderStatus.ASSIGNED);
    assertThat(reassigned.driverId()).isEqualTo(erin.id());
    assertThat(ops.serviceOrders().get(order.id()).driverId()).isEqualTo(erin.id());
    List<HistoryEntry> history = ops.history().history(AuditedType.SERVICE_ORDER, order.id());
    HistoryEntry last = history.get(history.size() - 1);
    assertThat(last.info().action()).isEqualTo("service-order.assign");
    assertThat(last.info().actorId()).isEqualTo(admin.id());
    assertThat(last.info().reason()).isEqualTo("Dave is ill");
    assertThat(last.info().at()).isAfter(before);
    assertThat(last.changes()).extracting(FieldChange::field, FieldChange::oldValue,
        FieldChange::newValue).contains(tuple("driverId", dave.id().toString(),
            erin.id().toString()));
  }

  @Test
  public void reassignmentIsRefusedOnceDispatchedCompletedOrCancelledAndChangesNothing() {
    start();
    machine();
    ServiceOrder inProgress = dispatchedOrder();
    assertThatThrownBy(() -> ops.serviceOrders().assign(inProgress.id(), erin.id(), "swap"))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("from IN_PROGRESS to ASSIGNED");
    assertThat(ops.serviceOrders().get(inProgress.id()).driverId()).isEqualTo(dave.id());

    ops.serviceOrders().completeVisit(inProgress.id(), inProgress.visits().get(0).id(),
        CompleteVisit.asPlanned());
    assertThatThrownBy(() -> ops.serviceOrders().assign(inProgress.id(), erin.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("from COMPLETED to ASSIGNED");
    assertThat(ops.serviceOrders().get(inProgress.id()).driverId()).isEqualTo(dave.id());

    ServiceOrder cancelled = ops.serviceOrders().create(
        CreateServiceOrder.forRoute(fleet.route().id()));
    ops.serviceOrders().assign(cancelled.id(), dave.id());
    ops.serviceOrders().cancel(cancelled.id(), "route closed");
    assertThatThrownBy(() -> ops.serviceOrders().assign(cancelled.id(), erin.id()))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessageContaining("from CANCELLED to ASSIGNED");
    ServiceOrder after = ops.serviceOrders().get(cancelled.id());
    assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(after.driverId()).isEqualTo(dave.id());
  }

  // ------------------------------------------------------------------- completion vs re-plan

  /** The office re-plans A1 from cola to water (3 in it) and empties B1, after dispatch. */
  private Planogram replan(DeviceSetup machine) {
    Planogram planogram = machine.planograms().get(0);
    return ops.planograms().update(planogram.id(), new UpdatePlanogram(null, List.of(
        new SlotSpec("A1", fleet.water().id(), 10, 10, 3, null),
        new SlotSpec("A2", fleet.chips().id(), 6, 6, 0, null),
        new SlotSpec("B1", null, 12, 0, 0, null),
        new SlotSpec("C3", null, 5, 0, 0, null))));
  }

  private static Slot slot(Planogram planogram, String position) {
    return planogram.slotAt(position).orElseThrow();
  }

  @Test
  public void completingAVisitOfReplannedSlotsIsRefusedNamingEverySlotAndWritesNothing() {
    start();
    DeviceSetup machine = machine();
    ServiceOrder order = dispatchedOrder();
    Visit visit = order.visits().get(0);
    assertThat(visit.lines()).extracting(OrderLine::position, OrderLine::planned)
        .containsExactly(tuple("A1", 2), tuple("A2", 6), tuple("B1", 6));
    Planogram replanned = replan(machine);
    Map<UUID, Integer> stock = Map.of(fleet.cola().id(), onHand(fleet.cola().id()),
        fleet.water().id(), onHand(fleet.water().id()), fleet.chips().id(),
        onHand(fleet.chips().id()));

    ValidationException refused = catchThrowableOfType(ValidationException.class,
        () -> ops.serviceOrders().completeVisit(order.id(), visit.id(),
            new CompleteVisit(Map.of(), true, null)));

    assertThat(refused.violations()).extracting(Violation::field).containsExactly(
        "delivered[" + slot(replanned, "A1").id() + "]",
        "delivered[" + slot(replanned, "B1").id() + "]");
    assertThat(refused.violations().get(0).message()).contains("A1").contains("WATER")
        .contains("COLA");
    assertThat(refused.violations().get(1).message()).contains("B1").contains("empty")
        .contains("WATER");
    // nothing written: slots as re-planned, visit pending, stock untouched
    Planogram now = ops.planograms().get(replanned.id());
    assertThat(now.slots()).extracting(Slot::position, Slot::productId, Slot::quantity)
        .contains(tuple("A1", fleet.water().id(), 3), tuple("A2", fleet.chips().id(), 0),
            tuple("B1", null, 0));
    ServiceOrder stored = ops.serviceOrders().get(order.id());
    assertThat(stored.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    assertThat(stored.visits().get(0).status()).isEqualTo(VisitStatus.PENDING);
    assertThat(stored.visits().get(0).lines()).extracting(OrderLine::delivered)
        .containsOnlyNulls();
    stock.forEach((product, units) -> assertThat(onHand(product)).isEqualTo(units));
  }

  @Test
  public void whenTheDriverAsksReplannedSlotsAreRecordedAsUndeliveredAndTheRestCompletes() {
    start();
    DeviceSetup machine = machine();
    ServiceOrder order = dispatchedOrder();
    Visit visit = order.visits().get(0);
    Planogram replanned = replan(machine);
    int cola = onHand(fleet.cola().id());
    int water = onHand(fleet.water().id());
    int chips = onHand(fleet.chips().id());

    ServiceOrder done = ops.serviceOrders().completeVisit(order.id(), visit.id(),
        new CompleteVisit(Map.of(), true, "A1 and B1 re-planned", true));

    assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(done.visits().get(0).lines()).extracting(OrderLine::position,
        OrderLine::delivered).containsExactly(tuple("A1", 0), tuple("A2", 6), tuple("B1", 0));
    Planogram now = ops.planograms().get(replanned.id());
    // the water in A1 and the empty B1 are untouched; the chips went in
    assertThat(now.slots()).extracting(Slot::position, Slot::productId, Slot::quantity)
        .contains(tuple("A1", fleet.water().id(), 3), tuple("A2", fleet.chips().id(), 6),
            tuple("B1", null, 0));
    // the undelivered cola (2) and water (6) went back to stock, the chips were used
    assertThat(onHand(fleet.cola().id())).isEqualTo(cola + 2);
    assertThat(onHand(fleet.water().id())).isEqualTo(water + 6);
    assertThat(onHand(fleet.chips().id())).isEqualTo(chips);
    assertThat(ops.serviceOrders().get(order.id()).visits().get(0).lines())
        .extracting(OrderLine::delivered).containsExactly(0, 6, 0);
  }

  // ------------------------------------------------------------------------------- creation

  @Test
  public void creatingAnOrderNamesEveryProblemOnTheCommandsFieldsAndWritesNothing() {
    start();
    DeviceSetup machine = machine();
    UUID stranger = UUID.randomUUID();

    ValidationException both = catchThrowableOfType(ValidationException.class,
        () -> ops.serviceOrders().create(new CreateServiceOrder(fleet.route().id(), null,
            "no-such-policy", "no-such-strategy", null)));
    assertThat(both.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("strategyId", "visitPolicyId");
    assertThat(both.getMessage()).contains("no-such-strategy").contains("fill-to-par")
        .contains("no-such-policy").contains("all-cabinets");

    ValidationException all = catchThrowableOfType(ValidationException.class,
        () -> ops.serviceOrders().create(new CreateServiceOrder(fleet.route().id(), List.of(
            machine.device().cabinets().get(0).id(), stranger), "no-such-policy",
            "no-such-strategy", null)));
    assertThat(all.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("strategyId", "visitPolicyId", "cabinetIds[1]");
    assertThat(all.getMessage()).contains(stranger.toString());

    UUID noRoute = UUID.randomUUID();
    ValidationException route = catchThrowableOfType(ValidationException.class,
        () -> ops.serviceOrders().create(new CreateServiceOrder(noRoute, null, null,
            "no-such-strategy", null)));
    assertThat(route.violations()).extracting(Violation::field)
        .containsExactlyInAnyOrder("strategyId", "routeId");

    assertThat(ops.serviceOrders().list(PageRequest.first()).total()).isZero();
    // no number was taken: the first order made is number 1
    assertThat(ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route().id()))
        .number()).endsWith("-000001");
  }

  // ------------------------------------------------------------------------ preview by date

  @Test
  public void aPreviewPlansForTheServiceDateAskedAndOtherwiseForTodayInTheEnginesZone() {
    // noon UTC today, so that Kiritimati (UTC+14) is already at tomorrow
    Instant noon = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
    Clock clock = Clock.offset(Clock.system(KIRITIMATI), Duration.between(Instant.now(), noon));
    start(clock);
    machine();
    UUID route = fleet.route().id();
    LocalDate tuesday = LocalDate.of(2026, 12, 8);

    var dated = ops.pickLists().preview(route, DATED, tuesday);
    assertThat(plannedFor).containsExactly(tuesday);
    assertThat(dated.lines()).extracting(l -> l.position(), l -> l.pick())
        .containsExactly(tuple("A1", 2), tuple("A2", 6), tuple("B1", 6));

    plannedFor.clear();
    var today = ops.pickLists().preview(route, DATED);
    LocalDate kiritimatiToday = LocalDate.now(clock);
    assertThat(kiritimatiToday).isAfter(LocalDate.now(ZoneOffset.UTC));
    assertThat(plannedFor).containsExactly(kiritimatiToday);
    assertThat(today.lines()).hasSameSizeAs(dated.lines());

    assertThatThrownBy(() -> ops.pickLists().preview(route, DATED, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("serviceDate"));
  }
}
