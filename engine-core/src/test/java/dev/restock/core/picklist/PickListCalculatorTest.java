package dev.restock.core.picklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.ProductTotal;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.serviceorder.PickOptions;
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

  private RouteData data(List<Device> devices, List<Planogram> planograms,
      Map<UUID, Product> products) {
    return new RouteData(route, devices, planograms, products, Map.of(), 0,
        LocalDate.of(2026, 11, 22));
  }
}
