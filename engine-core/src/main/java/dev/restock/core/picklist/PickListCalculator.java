package dev.restock.core.picklist;

import dev.restock.api.catalog.Product;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.PlanOutcome;
import dev.restock.api.picklist.ProductTotal;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one pick-list computation: per machine, ask the strategy and check its answer; apply the
 * options; keep slots with something to pick; total per product. Pure: previews and orders share it, so they
 * cannot disagree.
 */
public final class PickListCalculator {
  static final Comparator<Slot> BY_POSITION = Comparator
      .comparingInt((Slot s) -> Positions.row(s.position()))
      .thenComparingInt(s -> Positions.column(s.position()));

  private static final Comparator<ProductTotal> PRE_KITTING = Comparator
      .comparing((ProductTotal t) -> t.category() == null ? "\uffff" : t.category(),
          String.CASE_INSENSITIVE_ORDER)
      .thenComparing(ProductTotal::name, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(ProductTotal::sku);

  private PickListCalculator() {}

  /**
   * Plans machine by machine through {@link PickListStrategy#planMachine}, checks each answer,
   * then keeps the slots with something to pick (at least the minimum pick).
   *
   * @param cabinetIds the cabinets to plan for, or null for every cabinet of the route
   * @throws IllegalStateException when the strategy answers outside its contract (a plugin bug)
   */
  public static PickList compute(
      RouteData data, Set<UUID> cabinetIds, PickListStrategy strategy, PickOptions options) {
    PlanContext context = data.context();
    List<PickLine> lines = new ArrayList<>();
    Map<UUID, int[]> units = new LinkedHashMap<>();
    int stocked = 0;
    int belowPar = 0;
    int planned = 0;
    int underMinimum = 0;
    for (MachineSnapshot machine : machines(data, cabinetIds)) {
      Map<UUID, Integer> plan = checked(strategy, machine, strategy.planMachine(machine, context));
      for (CabinetSnapshot cabinet : machine.cabinets()) {
        for (SlotSnapshot slot : cabinet.slots()) {
          stocked++;
          belowPar += slot.quantity() < slot.parLevel() ? 1 : 0;
          int pick = plan.getOrDefault(slot.slotId(), 0);
          if (pick == 0) {
            continue;
          }
          planned++;
          if (pick < options.minimumPick()) {
            underMinimum++;
            continue;
          }
          Product product = data.products().get(slot.productId());
          lines.add(new PickLine(cabinet.deviceId(), cabinet.deviceName(),
              cabinet.cabinetIndex(), slot.slotId(), slot.position(), product.id(),
              product.sku(), product.name(), slot.capacity(), slot.parLevel(), slot.quantity(),
              pick));
          units.computeIfAbsent(product.id(), k -> new int[1])[0] += pick;
        }
      }
    }
    return new PickList(data.route().id(), data.route().code(), strategy.id(), lines,
        totals(units, data.products(), options.roundTotalsToCasePack()),
        new PlanOutcome(stocked, belowPar, planned, underMinimum));
  }

  /** The route's planned cabinets grouped by device, in the order of {@link RouteData#cabinets}. */
  static List<MachineSnapshot> machines(RouteData data, Set<UUID> cabinetIds) {
    Map<UUID, List<CabinetSnapshot>> byDevice = new LinkedHashMap<>();
    for (CabinetSnapshot cabinet : data.cabinets()) {
      if (cabinetIds == null || cabinetIds.contains(cabinet.cabinetId())) {
        byDevice.computeIfAbsent(cabinet.deviceId(), k -> new ArrayList<>()).add(cabinet);
      }
    }
    return byDevice.values().stream()
        .map(c -> new MachineSnapshot(c.get(0).deviceId(), c.get(0).deviceName(), c)).toList();
  }

  /** The answer as units per slot, or a plugin error naming every entry outside the contract. */
  private static Map<UUID, Integer> checked(
      PickListStrategy strategy, MachineSnapshot machine, Map<UUID, Integer> plan) {
    String who = "pick-list strategy '" + strategy.id() + "'";
    if (plan == null) {
      throw new IllegalStateException(who + " answered no plan (null) for device "
          + machine.deviceName() + " (a plugin bug)");
    }
    Map<UUID, SlotSnapshot> slots = new HashMap<>();
    machine.slots().forEach(s -> slots.put(s.slotId(), s));
    List<String> problems = new ArrayList<>();
    plan.forEach((slotId, pick) -> {
      SlotSnapshot slot = slots.get(slotId);
      if (slot == null) {
        problems.add("planned " + pick + " units for slot " + slotId
            + ", which is not a stocked slot of device " + machine.deviceName());
      } else if (pick == null || pick < 0 || pick > slot.room()) {
        problems.add("planned " + pick + " units for slot " + slot.position() + " (cabinet "
            + slot.cabinetIndex() + ") of device " + machine.deviceName() + ", outside 0.."
            + slot.room());
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException(who + " " + String.join("; ", problems) + " (a plugin bug)");
    }
    return plan;
  }

  /** Totals per product in pre-kitting order, optionally rounded up to whole case packs. */
  public static List<ProductTotal> totals(
      Map<UUID, int[]> units, Map<UUID, Product> products, boolean roundToCasePack) {
    return units.entrySet().stream()
        .map(e -> {
          Product p = products.get(e.getKey());
          int total = e.getValue()[0];
          if (roundToCasePack) {
            total = (total + p.casePack() - 1) / p.casePack() * p.casePack();
          }
          return new ProductTotal(p.id(), p.sku(), p.name(), p.category(), p.casePack(), total);
        })
        .sorted(PRE_KITTING).toList();
  }
}
