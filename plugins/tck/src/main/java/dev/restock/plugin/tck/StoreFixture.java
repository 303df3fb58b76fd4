package dev.restock.plugin.tck;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.spi.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes rows straight through a store's ports, for store contract tests: reference data, devices
 * with cabinets and planograms. Each call runs in a unit of work of its own unless one is already
 * running on the thread.
 */
public final class StoreFixture {
  /** A device with its cabinets and the planogram of each cabinet, in cabinet order. */
  public record FleetDevice(Device device, List<Planogram> planograms) {}

  /** Reference rows a device needs. */
  public record Reference(Location location, Route route, DeviceType deviceType,
      CabinetType cabinetType, Product cola, Product water) {}

  private final Store store;
  private final AuditContext context;

  /**
   * A fixture writing through {@code store}, each unit under {@code context}.
   *
   * @param store an open store
   * @param context the actor and action the fixture's units are recorded with
   */
  public StoreFixture(Store store, AuditContext context) {
    this.store = store;
    this.context = context;
  }

  /**
   * A fixture writing through {@code store} as the system actor, action {@code fixture}.
   *
   * @param store an open store
   */
  public StoreFixture(Store store) {
    this(store, new AuditContext(Actor.system(), "fixture"));
  }

  /**
   * Runs {@code work} in a write unit under the fixture's context (or joins the unit running on
   * this thread).
   *
   * @param <T> what the work answers
   * @param work the writes
   * @return what the work answered, after the unit committed (or joined)
   */
  public <T> T write(Supplier<T> work) {
    return store.transactions().write(context, work);
  }

  /**
   * A new product in category {@code Drinks}, case pack 6, active, not yet stored.
   *
   * @param sku its sku
   * @param name its name
   * @param price its price, as decimal text
   * @return the product, to be added through a store's {@code products()} port
   */
  public static Product product(String sku, String name, String price) {
    return new Product(UUID.randomUUID(), sku, name, "Drinks", new BigDecimal(price), 6, true, 0,
        AuditStamp.NEW, null);
  }

  /** A location, a route with {@code routeCode}, a device type, a cabinet type, two products. */
  public Reference reference(String routeCode) {
    return write(() -> {
      String tag = routeCode;
      Location location = store.locations().add(new Location(UUID.randomUUID(),
          "Station " + tag, "1 Main Street", 0, AuditStamp.NEW, null));
      Route route = store.routes().add(new Route(UUID.randomUUID(), routeCode, "Route " + tag, 7,
          0, AuditStamp.NEW, null));
      DeviceType deviceType = store.deviceTypes().add(new DeviceType(UUID.randomUUID(),
          "Tower " + tag, 4, 0, AuditStamp.NEW, null));
      CabinetType cabinetType = store.cabinetTypes().add(new CabinetType(UUID.randomUUID(),
          "Spiral " + tag, 0, AuditStamp.NEW, null));
      Product cola = store.products().add(product("COLA-" + tag, "Cola", "1.50"));
      Product water = store.products().add(product("WATER-" + tag, "Water", "1.00"));
      return new Reference(location, route, deviceType, cabinetType, cola, water);
    });
  }

  /**
   * A device with {@code cabinets} cabinets (3 × 3), each with an active planogram of two slots:
   * A1 holds cola (capacity 10, par 8, quantity {@code colaQuantity}), A2 water (10, 8, 8).
   */
  public FleetDevice device(Reference ref, String name, int cabinets, int colaQuantity) {
    return write(() -> {
      List<Cabinet> list = new ArrayList<>();
      for (int i = 1; i <= cabinets; i++) {
        list.add(new Cabinet(UUID.randomUUID(), i, ref.cabinetType().id(), 3, 3));
      }
      Device device = store.devices().add(new Device(UUID.randomUUID(), name,
          "SN-" + UUID.randomUUID(), ref.location().id(), ref.route().id(),
          ref.deviceType().id(), list, 0, AuditStamp.NEW, null));
      List<Planogram> planograms = new ArrayList<>();
      for (Cabinet c : device.cabinets()) {
        planograms.add(store.planograms().add(new Planogram(UUID.randomUUID(), c.id(),
            name + " #" + c.index(), true, List.of(
                new Slot(UUID.randomUUID(), "A1", ref.cola().id(), 10, 8, colaQuantity,
                    ref.cola().price()),
                new Slot(UUID.randomUUID(), "A2", ref.water().id(), 10, 8, 8, null)),
            0, AuditStamp.NEW, null)));
      }
      return new FleetDevice(device, planograms);
    });
  }
}
