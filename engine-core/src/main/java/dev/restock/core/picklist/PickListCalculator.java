package dev.restock.core.picklist;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.ProductTotal;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.Slot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one pick-list computation: per stocked slot, ask the strategy; keep slots with something to
 * pick; total per product. Pure: it reads nothing, so previews and (later) orders share it.
 */
public final class PickListCalculator {
  private static final Comparator<ProductTotal> PRE_KITTING = Comparator
      .comparing((ProductTotal t) -> t.category() == null ? "\uffff" : t.category(),
          String.CASE_INSENSITIVE_ORDER)
      .thenComparing(ProductTotal::name, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(ProductTotal::sku);

  private PickListCalculator() {}

  /**
   * @param devices the route's devices with their cabinets
   * @param planograms active planograms of those cabinets
   * @param products every product the planograms reference, by id
   */
  public static PickList compute(
      Route route, List<Device> devices, List<Planogram> planograms, Map<java.util.UUID, Product> products,
      PickListStrategy strategy, LocalDate date) {
    PlanContext context = new PlanContext(route.id(), route.visitIntervalDays(), date);
    Map<java.util.UUID, Planogram> byCabinet = new HashMap<>();
    planograms.forEach(p -> byCabinet.put(p.cabinetId(), p));
    List<PickLine> lines = new ArrayList<>();
    Map<java.util.UUID, int[]> units = new LinkedHashMap<>();
    List<Device> ordered = devices.stream()
        .sorted(Comparator.comparing(Device::name).thenComparing(Device::serialNumber)).toList();
    for (Device device : ordered) {
      for (Cabinet cabinet : device.cabinets().stream()
          .sorted(Comparator.comparingInt(Cabinet::index)).toList()) {
        Planogram planogram = byCabinet.get(cabinet.id());
        if (planogram == null) {
          continue;
        }
        for (Slot slot : planogram.slots().stream().sorted(BY_POSITION).toList()) {
          if (slot.productId() == null) {
            continue;
          }
          Product product = products.get(slot.productId());
          if (product == null) {
            throw new IllegalStateException("slot " + slot.id() + " references product "
                + slot.productId() + " which was not loaded");
          }
          SlotSnapshot snapshot = new SlotSnapshot(slot.id(), device.id(), cabinet.index(),
              slot.position(), slot.productId(), slot.capacity(), slot.parLevel(), slot.quantity(),
              product.casePack());
          int pick = strategy.plan(snapshot, context);
          if (pick < 0 || pick > snapshot.room()) {
            throw new IllegalStateException("pick-list strategy '" + strategy.id() + "' planned "
                + pick + " units for slot " + slot.position() + " of device " + device.name()
                + ", outside 0.." + snapshot.room() + " (a plugin bug)");
          }
          if (pick == 0) {
            continue;
          }
          lines.add(new PickLine(device.id(), device.name(), cabinet.index(), slot.id(),
              slot.position(), product.id(), product.sku(), product.name(), slot.capacity(),
              slot.parLevel(), slot.quantity(), pick));
          units.computeIfAbsent(product.id(), k -> new int[1])[0] += pick;
        }
      }
    }
    List<ProductTotal> totals = units.entrySet().stream()
        .map(e -> {
          Product p = products.get(e.getKey());
          return new ProductTotal(p.id(), p.sku(), p.name(), p.category(), p.casePack(),
              e.getValue()[0]);
        })
        .sorted(PRE_KITTING).toList();
    return new PickList(route.id(), route.code(), strategy.id(), lines, totals);
  }

  private static final Comparator<Slot> BY_POSITION = Comparator
      .comparingInt((Slot s) -> Positions.row(s.position()))
      .thenComparingInt(s -> Positions.column(s.position()));
}
