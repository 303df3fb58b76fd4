package dev.restock.core.picklist;

import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a pick list or a visit policy reads about a route, loaded in a fixed number of
 * store calls whatever the route's size: route, live devices with cabinets, active planograms,
 * their products and, when asked, sales in a window.
 *
 * @param soldInWindow units sold per slot in the window, for slots with sales in it
 */
public record RouteData(
    Route route, List<Device> devices, List<Planogram> planograms, Map<UUID, Product> products,
    Map<UUID, Integer> soldInWindow, int windowDays, LocalDate date) {

  /** Reads a live route's data; must run inside a unit of work. */
  public static RouteData load(Store store, UUID routeId, int windowDays, Clock clock) {
    Route route = store.routes().find(routeId, Visibility.LIVE)
        .orElseThrow(() -> new NotFoundException("route", routeId));
    List<Device> devices = store.devices().listByRoute(routeId);
    List<UUID> cabinetIds = devices.stream().flatMap(d -> d.cabinets().stream())
        .map(Cabinet::id).toList();
    List<Planogram> planograms = cabinetIds.isEmpty() ? List.of()
        : store.planograms().findActiveByCabinets(cabinetIds);
    List<UUID> slotIds = planograms.stream().flatMap(p -> p.slots().stream())
        .filter(s -> s.productId() != null).map(Slot::id).toList();
    List<UUID> productIds = planograms.stream().flatMap(p -> p.slots().stream())
        .map(Slot::productId).filter(Objects::nonNull).distinct().toList();
    Map<UUID, Product> products = productIds.isEmpty() ? Map.of()
        : store.products().findAllById(productIds).stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    Map<UUID, Integer> sold = windowDays <= 0 || slotIds.isEmpty() ? Map.of()
        : store.sales().unitsSoldSince(slotIds, clock.instant().minus(Duration.ofDays(windowDays)));
    return new RouteData(route, devices, planograms, products, sold, windowDays,
        LocalDate.now(clock));
  }

  /**
   * This route's data with the sales of another window, for a visit policy whose window differs
   * from the strategy's: one more store call when the window differs and is above 0, none
   * otherwise. Must run inside a unit of work.
   */
  public RouteData withSalesWindow(Store store, int days, Clock clock) {
    if (days == windowDays) {
      return this;
    }
    List<UUID> slotIds = planograms.stream().flatMap(p -> p.slots().stream())
        .filter(s -> s.productId() != null).map(Slot::id).toList();
    Map<UUID, Integer> sold = days <= 0 || slotIds.isEmpty() ? Map.of()
        : store.sales().unitsSoldSince(slotIds, clock.instant().minus(Duration.ofDays(days)));
    return new RouteData(route, devices, planograms, products, sold, Math.max(0, days), date);
  }

  /** This route's data planned for another day: the strategy's context carries {@code day}. */
  public RouteData on(LocalDate day) {
    return new RouteData(route, devices, planograms, products, soldInWindow, windowDays,
        Objects.requireNonNull(day, "day"));
  }

  public PlanContext context() {
    return new PlanContext(route.id(), route.visitIntervalDays(), date, windowDays);
  }

  /** Every cabinet with an active planogram, device by name then cabinet index, with its slots. */
  public List<CabinetSnapshot> cabinets() {
    Map<UUID, Planogram> byCabinet = new HashMap<>();
    planograms.forEach(p -> byCabinet.put(p.cabinetId(), p));
    List<CabinetSnapshot> result = new ArrayList<>();
    for (Device device : devices.stream()
        .sorted(Comparator.comparing(Device::name).thenComparing(Device::serialNumber)).toList()) {
      for (Cabinet cabinet : device.cabinets().stream()
          .sorted(Comparator.comparingInt(Cabinet::index)).toList()) {
        Planogram planogram = byCabinet.get(cabinet.id());
        if (planogram == null) {
          continue;
        }
        List<SlotSnapshot> slots = planogram.slots().stream()
            .filter(s -> s.productId() != null)
            .sorted(PickListCalculator.BY_POSITION)
            .map(s -> snapshot(device, cabinet, s)).toList();
        result.add(new CabinetSnapshot(device.id(), device.name(), cabinet.id(), cabinet.index(),
            slots));
      }
    }
    return result;
  }

  private SlotSnapshot snapshot(Device device, Cabinet cabinet, Slot slot) {
    Product product = products.get(slot.productId());
    if (product == null) {
      throw new IllegalStateException("slot " + slot.id() + " references product "
          + slot.productId() + " which was not loaded");
    }
    return new SlotSnapshot(slot.id(), device.id(), cabinet.index(), slot.position(),
        slot.productId(), slot.capacity(), slot.parLevel(), slot.quantity(), product.casePack(),
        soldInWindow.get(slot.id()));
  }
}
