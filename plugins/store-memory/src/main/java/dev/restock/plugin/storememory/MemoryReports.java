package dev.restock.plugin.storememory;

import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import dev.restock.api.report.port.out.ReportQueries;
import dev.restock.api.query.Visibility;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The reports over live rows only, as the JPA store computes them. */
final class MemoryReports implements ReportQueries {
  private final MemoryStore store;

  MemoryReports(MemoryStore store) {
    this.store = store;
  }

  private <T extends dev.restock.api.aggregate.Aggregate> Optional<T> live(
      dev.restock.api.aggregate.port.out.Repository<T> repository,
      UUID id) {
    return id == null ? Optional.empty() : repository.find(id, Visibility.LIVE);
  }

  @Override
  public List<DeviceUtilisation> deviceUtilisation(UUID routeId, UUID locationId) {
    List<DeviceUtilisation> result = new ArrayList<>();
    for (Device d : store.memoryDevices().liveDevices()) {
      if (routeId != null && !routeId.equals(d.routeId())
          || locationId != null && !locationId.equals(d.locationId())) {
        continue;
      }
      result.add(new DeviceUtilisation(d.id(), d.name(), d.cabinets().size(),
          live(store.locations(), d.locationId()).map(Location::name).orElse(null),
          live(store.routes(), d.routeId()).map(Route::name).orElse(null)));
    }
    return result;
  }

  @Override
  public List<SlotStock> slotsAtOrBelow(UUID routeId, int percentOfPar) {
    return slots(s -> s.parLevel() > 0 && s.quantity() * 100L <= (long) percentOfPar
        * s.parLevel(), routeId);
  }

  @Override
  public List<SlotStock> soldOut(UUID routeId) {
    return slots(s -> s.quantity() == 0, routeId);
  }

  /** Slots with a live product in active planograms of live devices on a live route. */
  private List<SlotStock> slots(Predicate<Slot> condition, UUID routeId) {
    List<SlotStock> result = new ArrayList<>();
    Map<UUID, Device> devices = store.memoryDevices().byCabinet();
    for (Planogram p : store.memoryPlanograms().findActiveByCabinets(devices.keySet())) {
      Device d = devices.get(p.cabinetId());
      Optional<Route> route = live(store.routes(), d.routeId());
      if (route.isEmpty() || routeId != null && !routeId.equals(d.routeId())) {
        continue;
      }
      int index = d.cabinets().stream().filter(c -> c.id().equals(p.cabinetId()))
          .mapToInt(Cabinet::index).findFirst().orElseThrow();
      for (Slot s : p.slots()) {
        Optional<Product> product = live(store.products(), s.productId());
        if (product.isPresent() && condition.test(s)) {
          result.add(new SlotStock(route.get().code(), d.id(), d.name(), index, s.position(),
              s.id(), product.get().id(), product.get().sku(), s.quantity(), s.parLevel(),
              s.capacity(), s.parLevel() == 0 ? 0 : s.quantity() * 100 / s.parLevel()));
        }
      }
    }
    result.sort(Comparator.comparing(SlotStock::routeCode).thenComparing(SlotStock::deviceName)
        .thenComparingInt(SlotStock::cabinetIndex)
        .thenComparing(SlotStock::position, MemoryPlanograms.POSITIONS));
    return result;
  }

  @Override
  public StockValuation stockValue() {
    List<StockValuation.Line> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (Map.Entry<UUID, Integer> e : store.stock().all().entrySet()) {
      Optional<Product> product = live(store.products(), e.getKey());
      if (product.isEmpty()) {
        continue;
      }
      BigDecimal price = product.get().price().setScale(2, RoundingMode.HALF_UP);
      BigDecimal value = price.multiply(BigDecimal.valueOf(e.getValue()));
      total = total.add(value);
      lines.add(new StockValuation.Line(product.get().id(), product.get().sku(),
          product.get().name(), e.getValue(), price, value));
    }
    lines.sort(Comparator.comparing(StockValuation.Line::sku));
    return new StockValuation(lines, total);
  }
}
