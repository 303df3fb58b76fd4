package dev.restock.core.picklist;

import dev.restock.api.catalog.Product;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.ProductTotal;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import dev.restock.api.serviceorder.PickOptions;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one pick-list computation: per stocked slot, ask the strategy; apply the options; keep
 * slots with something to pick; total per product. Pure: previews and orders share it, so they
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
   * @param cabinetIds the cabinets to plan for, or null for every cabinet of the route
   */
  public static PickList compute(
      RouteData data, Set<UUID> cabinetIds, PickListStrategy strategy, PickOptions options) {
    PlanContext context = data.context();
    List<PickLine> lines = new ArrayList<>();
    Map<UUID, int[]> units = new LinkedHashMap<>();
    for (CabinetSnapshot cabinet : data.cabinets()) {
      if (cabinetIds != null && !cabinetIds.contains(cabinet.cabinetId())) {
        continue;
      }
      for (SlotSnapshot slot : cabinet.slots()) {
        int pick = strategy.plan(slot, context);
        if (pick < 0 || pick > slot.room()) {
          throw new IllegalStateException("pick-list strategy '" + strategy.id() + "' planned "
              + pick + " units for slot " + slot.position() + " of device "
              + cabinet.deviceName() + ", outside 0.." + slot.room() + " (a plugin bug)");
        }
        if (pick == 0 || pick < options.minimumPick()) {
          continue;
        }
        Product product = data.products().get(slot.productId());
        lines.add(new PickLine(cabinet.deviceId(), cabinet.deviceName(), cabinet.cabinetIndex(),
            slot.slotId(), slot.position(), product.id(), product.sku(), product.name(),
            slot.capacity(), slot.parLevel(), slot.quantity(), pick));
        units.computeIfAbsent(product.id(), k -> new int[1])[0] += pick;
      }
    }
    return new PickList(data.route().id(), data.route().code(), strategy.id(), lines,
        totals(units, data.products(), options.roundTotalsToCasePack()));
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
