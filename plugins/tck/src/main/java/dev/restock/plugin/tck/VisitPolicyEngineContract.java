package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.spi.VisitPolicy;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine promises visit policies, on any store: which cabinets a policy is asked about
 * (never a deleted device's, another route's, or one without an active planogram), what it sees
 * of them (stocked slots only, the sales of its own window) and what happens when it selects
 * nothing. Extend it with {@link #openEngine}; every test starts a new engine on a new, empty
 * store.
 */
public abstract class VisitPolicyEngineContract {
  private static final String PLUGIN = "tck-policies";

  private final SettableClock clock = new SettableClock(
      Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(20)));
  private Restock engine;
  private RestockSession ops;
  private Fleet fleet;

  /**
   * An engine on a new, empty store that reads {@code clock} and has {@code plugins} registered
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

  /** A policy that selects every cabinet and records what it was given. */
  private static final class Recording implements VisitPolicy {
    private final String id;
    private final int window;
    private final List<CabinetSnapshot> cabinets = new ArrayList<>();
    private final List<PlanContext> contexts = new ArrayList<>();

    Recording(String id, int window) {
      this.id = id;
      this.window = window;
    }

    @Override public String id() { return id; }

    @Override public int salesWindowDays() { return window; }

    @Override public synchronized boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
      cabinets.add(cabinet);
      contexts.add(context);
      return true;
    }

    synchronized List<CabinetSnapshot> cabinets() {
      return List.copyOf(cabinets);
    }

    synchronized List<PlanContext> contexts() {
      return List.copyOf(contexts);
    }

    /** Units sold per slot id as the policy last saw them (null: none in the window). */
    synchronized Map<UUID, Integer> sold() {
      Map<UUID, Integer> sold = new HashMap<>();
      cabinets.forEach(c -> c.slots().forEach(s -> sold.put(s.slotId(), s.unitsSoldInWindow())));
      return sold;
    }
  }

  /** A strategy that plans nothing and records the sales it was given. */
  private static final class RecordingStrategy implements PickListStrategy {
    private final Map<UUID, Integer> sold = new HashMap<>();
    private final List<Integer> windows = new ArrayList<>();

    @Override public String id() { return "tck-recording-7"; }

    @Override public int salesWindowDays() { return 7; }

    @Override public synchronized int plan(SlotSnapshot slot, PlanContext context) {
      sold.put(slot.slotId(), slot.unitsSoldInWindow());
      windows.add(context.salesWindowDays());
      return 0;
    }
  }

  private static EnginePlugin plugin(PickListStrategy strategy, VisitPolicy... policies) {
    return new EnginePlugin() {
      @Override public String id() { return PLUGIN; }

      @Override public void register(PluginRegistrar registrar) {
        registrar.pickListStrategy(strategy);
        for (VisitPolicy p : policies) {
          registrar.visitPolicy(p);
        }
      }
    };
  }

  private void start(EnginePlugin plugin) {
    engine = openEngine(clock, plugin);
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    ops = engine.as(Actor.user(admin.id()));
    fleet = EngineFixture.fleet(ops);
  }

  private ServiceOrder order(Route route, String policy, String strategy) {
    return ops.serviceOrders().create(new CreateServiceOrder(route.id(), null, policy, strategy,
        null));
  }

  private static Slot slot(DeviceSetup device, int cabinet, String position) {
    return device.planograms().get(cabinet - 1).slotAt(position).orElseThrow();
  }

  @Test
  public void aPolicyAskingForASalesWindowSeesTheSalesRecordedInItAndItsWindowInTheContext() {
    Recording month = new Recording("tck-month", 30);
    Recording week = new Recording("tck-week", 7);
    Recording none = new Recording("tck-none", 0);
    RecordingStrategy strategy = new RecordingStrategy();
    start(plugin(strategy, month, week, none));
    DeviceSetup m1 = EngineFixture.device(ops, fleet, "M1", 1, 6);
    Slot cola = slot(m1, 1, "A1");
    Slot chips = slot(m1, 1, "A2");
    Slot water = slot(m1, 1, "B1");
    ops.sales().record(new RecordSales(List.of(SaleEntry.sold(cola.id(), 3))));
    clock.set(clock.instant().plus(Duration.ofDays(20)));
    ops.sales().record(new RecordSales(List.of(SaleEntry.sold(water.id(), 2),
        SaleEntry.sold(cola.id(), 1))));

    order(fleet.route(), "tck-month", null);
    order(fleet.route(), "tck-week", null);
    order(fleet.route(), "tck-none", null);

    // 3 cola 20 days ago and 1 today; 2 water today; no chips sold at all
    assertThat(month.sold()).containsEntry(cola.id(), 4).containsEntry(water.id(), 2)
        .containsEntry(chips.id(), null);
    assertThat(month.contexts()).extracting(PlanContext::salesWindowDays).containsOnly(30);
    assertThat(week.sold()).containsEntry(cola.id(), 1).containsEntry(water.id(), 2)
        .containsEntry(chips.id(), null);
    assertThat(week.contexts()).extracting(PlanContext::salesWindowDays).containsOnly(7);
    assertThat(none.sold()).containsEntry(cola.id(), null).containsEntry(water.id(), null)
        .containsEntry(chips.id(), null);
    assertThat(none.contexts()).extracting(PlanContext::salesWindowDays).containsOnly(0);
  }

  @Test
  public void thePolicyAndTheStrategyEachSeeTheSalesOfTheirOwnWindow() {
    Recording month = new Recording("tck-month", 30);
    RecordingStrategy strategy = new RecordingStrategy();
    start(plugin(strategy, month));
    DeviceSetup m1 = EngineFixture.device(ops, fleet, "M1", 1, 6);
    Slot cola = slot(m1, 1, "A1");
    ops.sales().record(new RecordSales(List.of(SaleEntry.sold(cola.id(), 3))));
    clock.set(clock.instant().plus(Duration.ofDays(20)));

    order(fleet.route(), "tck-month", strategy.id());

    // the sale is 20 days old: inside the policy's 30 days, outside the strategy's 7
    assertThat(month.sold()).containsEntry(cola.id(), 3);
    assertThat(month.contexts()).extracting(PlanContext::salesWindowDays).containsOnly(30);
    synchronized (strategy) {
      assertThat(strategy.sold).containsEntry(cola.id(), null);
      assertThat(strategy.windows).containsOnly(7);
    }
  }

  @Test
  public void thePolicyIsAskedOnlyAboutLiveDevicesOfTheRouteWithAnActivePlanogram() {
    Recording all = new Recording("tck-all", 0);
    start(plugin(new RecordingStrategy(), all));
    DeviceSetup m1 = EngineFixture.device(ops, fleet, "M1", 2, 6);
    DeviceSetup gone = EngineFixture.device(ops, fleet, "GONE", 2, 6);
    ops.devices().delete(gone.device().id());
    Route south = ops.routes().create(new CreateRoute("R2", "South", 7));
    EngineFixture.device(ops, new Fleet(fleet.location(), south, fleet.deviceType(),
        fleet.cabinetType(), fleet.cola(), fleet.water(), fleet.chips()), "ELSEWHERE", 1, 6);
    // HALF has a planogram on cabinet 1 only; BARE's planogram stocks nothing
    DeviceSetup half = ops.devices().setUp(new SetUpDevice(new CreateDevice("HALF", "SN-HALF",
        fleet.location().id(), fleet.route().id(), fleet.deviceType().id(), List.of(
            new CabinetSpec(1, fleet.cabinetType().id(), 3, 3),
            new CabinetSpec(2, fleet.cabinetType().id(), 3, 3))),
        List.of(new CabinetPlanogram(1, "half", List.of(
            new SlotSpec("A1", fleet.cola().id(), 10, 10, 1, null))))));
    DeviceSetup bare = ops.devices().setUp(new SetUpDevice(new CreateDevice("BARE", "SN-BARE",
        fleet.location().id(), fleet.route().id(), fleet.deviceType().id(), List.of(
            new CabinetSpec(1, fleet.cabinetType().id(), 3, 3))),
        List.of(new CabinetPlanogram(1, "bare", List.of(
            new SlotSpec("A1", null, 5, 0, 0, null))))));

    ServiceOrder order = order(fleet.route(), "tck-all", null);

    // device name, then cabinet index; the empty slot C3 is never shown
    assertThat(all.cabinets()).extracting(CabinetSnapshot::deviceName,
            CabinetSnapshot::cabinetIndex, CabinetSnapshot::cabinetId)
        .containsExactly(
            tuple("BARE", 1, bare.device().cabinets().get(0).id()),
            tuple("HALF", 1, half.device().cabinets().get(0).id()),
            tuple("M1", 1, m1.device().cabinets().get(0).id()),
            tuple("M1", 2, m1.device().cabinets().get(1).id()));
    assertThat(all.cabinets().get(0).slots()).isEmpty();
    assertThat(all.cabinets().get(2).slots()).extracting(SlotSnapshot::position)
        .containsExactly("A1", "A2", "B1");
    assertThat(all.contexts()).extracting(PlanContext::routeId).containsOnly(fleet.route().id());
    assertThat(order.visits()).hasSize(4);
  }

  @Test
  public void anEmptyRouteNeverReachesThePolicyAndIsRefusedWithNothingWritten() {
    Recording all = new Recording("tck-all", 30);
    start(plugin(new RecordingStrategy(), all));
    Route empty = ops.routes().create(new CreateRoute("R0", "Empty", 7));
    Route deserted = ops.routes().create(new CreateRoute("R9", "Deserted", 7));
    DeviceSetup gone = EngineFixture.device(ops, new Fleet(fleet.location(), deserted,
        fleet.deviceType(), fleet.cabinetType(), fleet.cola(), fleet.water(), fleet.chips()),
        "GONE", 2, 0);
    ops.devices().delete(gone.device().id());

    for (Route route : List.of(empty, deserted)) {
      assertThatThrownBy(() -> order(route, "tck-all", null))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("visit policy 'tck-all' selects no cabinet of route "
              + route.code());
    }
    assertThat(all.cabinets()).isEmpty();
    assertThat(ops.serviceOrders().list(PageRequest.first()).total()).isZero();
  }

  @Test
  public void anOrderForChosenCabinetsDoesNotAskThePolicy() {
    Recording all = new Recording("tck-all", 0);
    start(plugin(new RecordingStrategy(), all));
    DeviceSetup m1 = EngineFixture.device(ops, fleet, "M1", 2, 6);

    ServiceOrder order = ops.serviceOrders().create(new CreateServiceOrder(fleet.route().id(),
        List.of(m1.device().cabinets().get(1).id()), "tck-all", null, null));

    assertThat(order.visits()).singleElement()
        .satisfies(v -> assertThat(v.cabinetIndex()).isEqualTo(2));
    assertThat(all.cabinets()).isEmpty();
  }

  /** A clock the suite moves forward, so sales can be recorded in the past of an order. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      this.now = instant;
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the suite's clock stays in UTC");
    }

    @Override public Instant instant() { return now; }
  }
}
