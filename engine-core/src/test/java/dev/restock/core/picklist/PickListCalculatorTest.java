package dev.restock.core.picklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.PlanOutcome;
import dev.restock.api.picklist.ProductTotal;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PickListCalculatorTest {
  private final Route route = new Route(UUID.randomUUID(), "R1", "North", 7, 1, AuditStamp.NEW, null);
  private final Product cola = product("COLA", "Cola", "Drinks");
  private final Product water = product("WATER", "Water", "Drinks");
  private final Product chips = product("CHIPS", "Chips", "Snacks");
  private final Map<UUID, Product> products =
      Map.of(cola.id(), cola, water.id(), water, chips.id(), chips);

  private static Product product(String sku, String name, String category) {
    return new Product(UUID.randomUUID(), sku, name, category, new BigDecimal("1.00"), 6, true, 1,
        AuditStamp.NEW, null);
  }

  private static Slot slot(String position, Product product, int capacity, int par, int quantity) {
    return new Slot(UUID.randomUUID(), position, product == null ? null : product.id(), capacity,
        par, quantity, null);
  }

  private static Device device(String name, Cabinet... cabinets) {
    return new Device(UUID.randomUUID(), name, "SN-" + name, UUID.randomUUID(), null,
        UUID.randomUUID(), List.of(cabinets), 1, AuditStamp.NEW, null);
  }

  private static Cabinet cabinet(int index) {
    return new Cabinet(UUID.randomUUID(), index, UUID.randomUUID(), 5, 10);
  }

  private static Planogram planogram(Cabinet cabinet, Slot... slots) {
    return new Planogram(UUID.randomUUID(), cabinet.id(), "P", true, List.of(slots), 1,
        AuditStamp.NEW, null);
  }

  @Test
  void fillToParNeedsParMinusQuantityPerSlotAndTotalsPerProduct() {
    Cabinet b1 = cabinet(1);
    Cabinet a1 = cabinet(1);
    Cabinet a2 = cabinet(2);
    Device bravo = device("Bravo", b1);
    Device alpha = device("Alpha", a2, a1);
    List<Planogram> planograms = List.of(
        planogram(b1, slot("A2", cola, 10, 8, 3), slot("A10", chips, 10, 5, 5)),
        planogram(a1, slot("B1", cola, 10, 10, 0), slot("A1", water, 12, 6, 8), slot("A3", null, 5, 0, 0)),
        planogram(a2, slot("A1", chips, 20, 15, 1)));

    PickList list = PickListCalculator.compute(data(List.of(bravo, alpha), planograms, products),
        null, new FillToPar(), PickOptions.NONE);

    assertThat(list.strategyId()).isEqualTo("fill-to-par");
    assertThat(list.lines()).extracting(PickLine::deviceName, PickLine::cabinetIndex,
            PickLine::position, PickLine::sku, PickLine::pick)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Alpha", 1, "B1", "COLA", 10),
            org.assertj.core.groups.Tuple.tuple("Alpha", 2, "A1", "CHIPS", 14),
            org.assertj.core.groups.Tuple.tuple("Bravo", 1, "A2", "COLA", 5));
    assertThat(list.totals()).extracting(ProductTotal::sku, ProductTotal::units)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("COLA", 15),
            org.assertj.core.groups.Tuple.tuple("CHIPS", 14));
    assertThat(list.totalUnits()).isEqualTo(29);
  }

  @Test
  void totalsAreSortedByCategoryThenProductNameWithUncategorisedLast() {
    Product zed = product("ZED", "Zed", null);
    Product apple = product("APPLE", "Apple juice", "Drinks");
    Cabinet c = cabinet(1);
    PickList list = PickListCalculator.compute(data(List.of(device("D", c)),
        List.of(planogram(c, slot("A1", zed, 5, 5, 0), slot("A2", chips, 5, 5, 0),
            slot("A3", cola, 5, 5, 0), slot("A4", apple, 5, 5, 0))),
        Map.of(zed.id(), zed, chips.id(), chips, cola.id(), cola, apple.id(), apple)),
        null, new FillToPar(), PickOptions.NONE);
    assertThat(list.totals()).extracting(ProductTotal::sku)
        .containsExactly("APPLE", "COLA", "CHIPS", "ZED");
  }

  @Test
  void aStrategyPlanningMoreThanTheRoomLeftIsAPluginError() {
    Cabinet c = cabinet(1);
    PickListStrategy greedy = new PickListStrategy() {
      @Override public String id() { return "greedy"; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return slot.room() + 1; }
    };
    assertThatThrownBy(() -> PickListCalculator.compute(data(List.of(device("D", c)),
        List.of(planogram(c, slot("A1", cola, 5, 5, 2))), products), null, greedy,
        PickOptions.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("greedy").hasMessageContaining("planned 4 units for slot A1");
  }

  @Test
  void fillToParNeverPlansForAFullOrOverParSlot() {
    FillToPar rule = new FillToPar();
    PlanContext ctx = new PlanContext(route.id(), 7, LocalDate.now(), 0);
    assertThat(rule.plan(new SlotSnapshot(null, null, 1, "A1", null, 10, 6, 6, 1, null), ctx)).isZero();
    assertThat(rule.plan(new SlotSnapshot(null, null, 1, "A1", null, 10, 6, 9, 1, null), ctx)).isZero();
    assertThat(rule.plan(new SlotSnapshot(null, null, 1, "A1", null, 10, 6, 0, 1, null), ctx))
        .isEqualTo(6);
  }

  @Test
  void aMinimumPickDropsSmallLinesAndCasePackRoundingRoundsTotalsUp() {
    Cabinet c = cabinet(1);
    RouteData data = data(List.of(device("D", c)), List.of(planogram(c,
        slot("A1", cola, 10, 10, 9), slot("A2", cola, 10, 10, 2), slot("A3", chips, 10, 10, 3))),
        products);
    PickList list = PickListCalculator.compute(data, null, new FillToPar(),
        new PickOptions(2, true));
    assertThat(list.lines()).extracting(PickLine::position).containsExactly("A2", "A3");
    // cola: 8 units, case pack 6 -> 12; chips: 7 units, case pack 6 -> 12
    assertThat(list.totals()).extracting(ProductTotal::sku, ProductTotal::units, ProductTotal::cases)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("COLA", 12, 2),
            org.assertj.core.groups.Tuple.tuple("CHIPS", 12, 2));
  }

  @Test
  void onlyTheSelectedCabinetsArePlanned() {
    Cabinet c1 = cabinet(1);
    Cabinet c2 = cabinet(2);
    RouteData data = data(List.of(device("D", c1, c2)), List.of(
        planogram(c1, slot("A1", cola, 10, 10, 0)), planogram(c2, slot("A1", chips, 10, 10, 0))),
        products);
    PickList list = PickListCalculator.compute(data, java.util.Set.of(c2.id()), new FillToPar(),
        PickOptions.NONE);
    assertThat(list.lines()).extracting(PickLine::sku).containsExactly("CHIPS");
  }

  /** Shares each product's par over the machine: loads the machine's whole need into its first slot with room. */
  private static final class SharedPar implements PickListStrategy {
    final List<MachineSnapshot> machines = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override public String id() { return "shared-par"; }

    @Override public int plan(SlotSnapshot slot, PlanContext context) {
      throw new AssertionError("the engine must ask the machine hook, not plan");
    }

    @Override public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      machines.add(machine);
      Map<UUID, Integer> need = new java.util.HashMap<>();
      machine.slots().forEach(s ->
          need.merge(s.productId(), Math.max(0, s.parLevel() - s.quantity()), Integer::sum));
      Map<UUID, Integer> plan = new java.util.LinkedHashMap<>();
      for (SlotSnapshot s : machine.slots()) {
        int units = Math.min(need.get(s.productId()), s.room());
        need.merge(s.productId(), -units, Integer::sum);
        if (units > 0) {
          plan.put(s.slotId(), units);
        }
      }
      return plan;
    }
  }

  @Test
  void theMachineHookPlansEachDeviceWithAllItsCabinetsAndSlotsItLeavesOutGetNothing() {
    Cabinet c1 = cabinet(1);
    Cabinet c2 = cabinet(2);
    Cabinet other = cabinet(1);
    Device d = device("D", c2, c1);
    Device e = device("E", other);
    // cola: par 8 + 8, 3 + 2 in the slots: 11 short over the machine; the first slot has room 9
    RouteData data = data(List.of(e, d), List.of(
        planogram(c1, slot("A1", cola, 12, 8, 3), slot("A2", chips, 10, 5, 5)),
        planogram(c2, slot("A1", cola, 10, 8, 2)),
        planogram(other, slot("A1", water, 10, 10, 4))), products);
    SharedPar strategy = new SharedPar();

    PickList list = PickListCalculator.compute(data, null, strategy, PickOptions.NONE);

    assertThat(strategy.machines).extracting(MachineSnapshot::deviceName)
        .containsExactly("D", "E");
    assertThat(strategy.machines.get(0).cabinets()).extracting(c -> c.cabinetIndex())
        .containsExactly(1, 2);
    assertThat(list.lines()).extracting(PickLine::deviceName, PickLine::cabinetIndex,
            PickLine::position, PickLine::sku, PickLine::pick)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("D", 1, "A1", "COLA", 9),
            org.assertj.core.groups.Tuple.tuple("D", 2, "A1", "COLA", 2),
            org.assertj.core.groups.Tuple.tuple("E", 1, "A1", "WATER", 6));
    assertThat(list.outcome()).isEqualTo(new PlanOutcome(4, 3, 3, 0));
  }

  @Test
  void theMachineHookSeesOnlyTheSelectedCabinetsOfADevice() {
    Cabinet c1 = cabinet(1);
    Cabinet c2 = cabinet(2);
    RouteData data = data(List.of(device("D", c1, c2)), List.of(
        planogram(c1, slot("A1", cola, 10, 10, 0)), planogram(c2, slot("A1", cola, 10, 10, 0))),
        products);
    SharedPar strategy = new SharedPar();

    PickList list = PickListCalculator.compute(data, java.util.Set.of(c2.id()), strategy,
        PickOptions.NONE);

    assertThat(strategy.machines).singleElement()
        .satisfies(m -> assertThat(m.cabinets()).extracting(c -> c.cabinetId())
            .containsExactly(c2.id()));
    assertThat(list.lines()).extracting(PickLine::cabinetIndex, PickLine::pick)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 10));
  }

  @Test
  void aMachinePlanWithUnknownSlotsOrUnitsOutOfRangeIsAPluginErrorNamingEveryWrongEntry() {
    Cabinet c = cabinet(1);
    Slot a1 = slot("A1", cola, 5, 5, 2);
    Slot a2 = slot("A2", cola, 5, 5, 0);
    Slot a3 = slot("A3", cola, 5, 5, 0);
    UUID stranger = UUID.randomUUID();
    PickListStrategy wrong = new PickListStrategy() {
      @Override public String id() { return "wrong"; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return 0; }
      @Override public Map<UUID, Integer> planMachine(MachineSnapshot m, PlanContext context) {
        Map<UUID, Integer> plan = new java.util.LinkedHashMap<>();
        plan.put(a1.id(), 4);
        plan.put(a2.id(), -1);
        plan.put(a3.id(), null);
        plan.put(stranger, 1);
        return plan;
      }
    };
    assertThatThrownBy(() -> PickListCalculator.compute(data(List.of(device("D", c)),
        List.of(planogram(c, a1, a2, a3)), products), null, wrong, PickOptions.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'wrong'")
        .hasMessageContaining("planned 4 units for slot A1 (cabinet 1) of device D, outside 0..3")
        .hasMessageContaining("planned -1 units for slot A2 (cabinet 1) of device D, outside 0..5")
        .hasMessageContaining("planned null units for slot A3")
        .hasMessageContaining("slot " + stranger + ", which is not a stocked slot of device D");

    PickListStrategy none = new PickListStrategy() {
      @Override public String id() { return "none"; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return 0; }
      @Override public Map<UUID, Integer> planMachine(MachineSnapshot m, PlanContext context) {
        return null;
      }
    };
    assertThatThrownBy(() -> PickListCalculator.compute(data(List.of(device("D", c)),
        List.of(planogram(c, a1)), products), null, none, PickOptions.NONE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'none' answered no plan");
  }

  @Test
  void theOutcomeCountsTheSlotsAStrategyPassedOverAndThoseTheMinimumPickDropped() {
    Cabinet c = cabinet(1);
    RouteData data = data(List.of(device("D", c)), List.of(planogram(c,
        slot("A1", cola, 10, 10, 9), slot("A2", cola, 10, 10, 2), slot("A3", chips, 10, 4, 8),
        slot("A4", water, 10, 5, 5))), products);
    PickListStrategy nothing = new PickListStrategy() {
      @Override public String id() { return "nothing"; }
      @Override public int plan(SlotSnapshot slot, PlanContext context) { return 0; }
    };

    assertThat(PickListCalculator.compute(data, null, nothing, PickOptions.NONE).outcome())
        .isEqualTo(new PlanOutcome(4, 2, 0, 0));
    assertThat(PickListCalculator.compute(data, null, new FillToPar(), new PickOptions(2, false))
        .outcome()).isEqualTo(new PlanOutcome(4, 2, 2, 1));
  }

  private RouteData data(List<Device> devices, List<Planogram> planograms,
      Map<UUID, Product> products) {
    return new RouteData(route, devices, planograms, products, Map.of(), 0,
        LocalDate.of(2026, 11, 22));
  }
}
