package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine promises a pick-list strategy that plans whole machines through {@link
 * PickListStrategy#planMachine}, on any store: a route preview and a created service order both
 * take their lines from the machine hook (never from the per-slot {@link PickListStrategy#plan}),
 * and agree; each call sees one machine's planned slots only; an answer outside the hook's
 * contract (more than a slot's room, a slot of no machine) is refused as a plugin error, and then
 * nothing is written: no order, no order number used. Extend it with {@link #openEngine}; every
 * test starts a new engine on a new, empty store.
 */
@Experimental(since = "0.2")
public abstract class MachinePlanningEngineContract {
  private static final String PLUGIN = "tck-machine-planning";
  private static final String CASES = "tck-machine-cases";

  private Restock engine;
  private RestockSession ops;
  private Fleet fleet;
  private Product soda;

  /** An engine on a new, empty store with {@code plugins} registered besides the built-in ones. */
  protected abstract Restock openEngine(EnginePlugin... plugins);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  /**
   * Rounds each product's room on a machine down to whole case packs and loads that total into
   * the product's slots in the machine's slot order, each up to its room. Counts its calls; its
   * per-slot {@code plan} only counts, so that a call is seen however the engine treats it.
   */
  private static final class WholeCasesPerMachine implements PickListStrategy {
    private final String id;
    private final Function<Map<UUID, Integer>, Map<UUID, Integer>> tamper;
    private final AtomicInteger planCalls = new AtomicInteger();
    private final List<MachineSnapshot> machines = new ArrayList<>();

    WholeCasesPerMachine(String id, Function<Map<UUID, Integer>, Map<UUID, Integer>> tamper) {
      this.id = id;
      this.tamper = tamper;
    }

    @Override public String id() { return id; }

    @Override public int plan(SlotSnapshot slot, PlanContext context) {
      planCalls.incrementAndGet();
      return 0;
    }

    @Override public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      synchronized (machines) {
        machines.add(machine);
      }
      Map<UUID, Integer> room = new LinkedHashMap<>();
      Map<UUID, Integer> casePack = new LinkedHashMap<>();
      for (SlotSnapshot s : machine.slots()) {
        room.merge(s.productId(), s.room(), Integer::sum);
        casePack.put(s.productId(), s.casePack());
      }
      Map<UUID, Integer> left = new LinkedHashMap<>();
      room.forEach((product, units) -> left.put(product,
          units / casePack.get(product) * casePack.get(product)));
      Map<UUID, Integer> plan = new LinkedHashMap<>();
      for (SlotSnapshot s : machine.slots()) {
        int units = Math.min(left.get(s.productId()), s.room());
        left.merge(s.productId(), -units, Integer::sum);
        plan.put(s.slotId(), units);
      }
      return tamper.apply(plan);
    }

    List<MachineSnapshot> machines() {
      synchronized (machines) {
        return List.copyOf(machines);
      }
    }
  }

  private static EnginePlugin plugin(PickListStrategy... strategies) {
    return new EnginePlugin() {
      @Override public String id() { return PLUGIN; }

      @Override public void register(PluginRegistrar registrar) {
        for (PickListStrategy s : strategies) {
          registrar.pickListStrategy(s);
        }
      }
    };
  }

  private void start(PickListStrategy... strategies) {
    engine = openEngine(plugin(strategies));
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    ops = engine.as(Actor.user(admin.id()));
    fleet = EngineFixture.fleet(ops);
    soda = ops.products().create(
        new CreateProduct("SODA", "Soda", "Drinks", new BigDecimal("1.20"), 6));
  }

  /**
   * Soda (case of 6) in three slots over two cabinets, rooms 7, 4 and 2 (13 in all, two whole
   * cases); chips (case of 10) with room 6, less than a case.
   */
  private DeviceSetup machine(String name) {
    return ops.devices().setUp(new SetUpDevice(new CreateDevice(name, "SN-" + name,
        fleet.location().id(), fleet.route().id(), fleet.deviceType().id(), List.of(
            new CabinetSpec(1, fleet.cabinetType().id(), 3, 3),
            new CabinetSpec(2, fleet.cabinetType().id(), 3, 3))),
        List.of(
            new CabinetPlanogram(1, name + " 1", List.of(
                new SlotSpec("A1", soda.id(), 10, 10, 3, null),
                new SlotSpec("A2", soda.id(), 8, 8, 4, null),
                new SlotSpec("B1", fleet.chips().id(), 6, 6, 0, null))),
            new CabinetPlanogram(2, name + " 2", List.of(
                new SlotSpec("A1", soda.id(), 10, 10, 8, null))))));
  }

  private static Slot slot(DeviceSetup device, int cabinet, String position) {
    return device.planograms().get(cabinet - 1).slotAt(position).orElseThrow();
  }

  private static List<Tuple> picks(List<PickLine> lines) {
    return lines.stream().map(l -> tuple(l.slotId(), l.pick())).toList();
  }

  private ServiceOrder order(String strategy) {
    return ops.serviceOrders().create(new CreateServiceOrder(fleet.route().id(), null, null,
        strategy, null));
  }

  @Test
  public void thePreviewAndAnOrderBothFollowTheMachineRuleAndNeverAskThePerSlotPlan() {
    WholeCasesPerMachine cases = new WholeCasesPerMachine(CASES, plan -> plan);
    start(cases);
    DeviceSetup m1 = machine("M1");
    DeviceSetup m2 = machine("M2");

    PickList preview = ops.pickLists().preview(fleet.route().id(), CASES);
    ServiceOrder order = order(CASES);
    PickList ordered = ops.serviceOrders().pickList(order.id(), false);

    // per machine: 12 soda (two cases of 6) as 7 + 4 + 1 though the last slot has room 2;
    // no chips, as 6 is less than a case of 10 (a per-slot fill would load 7, 4, 2 and 6)
    List<Tuple> expected = new ArrayList<>();
    for (DeviceSetup m : List.of(m1, m2)) {
      expected.add(tuple(slot(m, 1, "A1").id(), 7));
      expected.add(tuple(slot(m, 1, "A2").id(), 4));
      expected.add(tuple(slot(m, 2, "A1").id(), 1));
    }
    assertThat(picks(preview.lines())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(picks(ordered.lines())).containsExactlyInAnyOrderElementsOf(picks(preview.lines()));
    assertThat(order.strategyId()).isEqualTo(CASES);
    assertThat(preview.totals()).singleElement()
        .satisfies(t -> assertThat(t.units()).isEqualTo(24));
    assertThat(cases.planCalls).as("calls of the per-slot plan").hasValue(0);
    // each call saw one machine, with its own stocked slots only
    assertThat(cases.machines()).extracting(MachineSnapshot::deviceId)
        .contains(m1.device().id(), m2.device().id());
    for (MachineSnapshot machine : cases.machines()) {
      assertThat(machine.slots()).hasSize(4)
          .allSatisfy(s -> assertThat(s.deviceId()).isEqualTo(machine.deviceId()));
    }
  }

  @Test
  public void anAnswerOverASlotsRoomIsRefusedAsAPluginErrorWithNothingWritten() {
    WholeCasesPerMachine over = new WholeCasesPerMachine("tck-over-room", plan -> {
      Map<UUID, Integer> wrong = new LinkedHashMap<>(plan);
      wrong.replaceAll((slot, units) -> units + 100);
      return wrong;
    });
    WholeCasesPerMachine cases = new WholeCasesPerMachine(CASES, plan -> plan);
    start(over, cases);
    machine("M1");

    assertRefusedWithNothingWritten("tck-over-room", "outside 0..");
  }

  @Test
  public void anAnswerForASlotOfNoMachineIsRefusedAsAPluginErrorWithNothingWritten() {
    UUID stranger = UUID.randomUUID();
    WholeCasesPerMachine unknown = new WholeCasesPerMachine("tck-unknown-slot", plan -> {
      Map<UUID, Integer> wrong = new LinkedHashMap<>(plan);
      wrong.put(stranger, 1);
      return wrong;
    });
    WholeCasesPerMachine cases = new WholeCasesPerMachine(CASES, plan -> plan);
    start(unknown, cases);
    machine("M1");

    assertRefusedWithNothingWritten("tck-unknown-slot", stranger.toString());
  }

  private void assertRefusedWithNothingWritten(String strategy, String problem) {
    assertThatThrownBy(() -> ops.pickLists().preview(fleet.route().id(), strategy))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pick-list strategy '" + strategy + "'")
        .hasMessageContaining(problem)
        .hasMessageContaining("plugin bug");
    assertThatThrownBy(() -> order(strategy))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pick-list strategy '" + strategy + "'")
        .hasMessageContaining(problem)
        .hasMessageContaining("plugin bug");

    assertThat(ops.serviceOrders().list(PageRequest.first()).total()).isZero();
    // the refused order used no number: the next order is the year's first
    assertThat(order(CASES).number()).endsWith("-000001");
  }
}
