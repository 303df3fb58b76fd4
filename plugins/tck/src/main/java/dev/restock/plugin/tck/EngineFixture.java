package dev.restock.plugin.tck;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.spi.EnginePlugin;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An engine to test a plugin against ({@link #inMemoryEngine}), and a small fleet written through
 * the engine's use cases, for end-to-end tests of an engine on any store: one location, route,
 * device type (2 cabinets) and cabinet type, three products, and devices whose cabinets all carry
 * the same four-slot planogram.
 */
public final class EngineFixture {
  private EngineFixture() {}

  /**
   * A real engine on a new, empty in-memory store with {@code plugins} registered, for testing a
   * plugin end to end; close it after the test. Needs {@code restock-tck-engine} on the test class
   * path (the one test dependency of a plugin project, which brings this kit, the engine and the
   * in-memory store); the kit's own classes depend on engine-api only.
   *
   * @throws IllegalStateException when no engine is on the class path, naming the artifact to add
   */
  public static Restock inMemoryEngine(EnginePlugin... plugins) {
    List<EngineProvider> providers = new ArrayList<>();
    ServiceLoader.load(EngineProvider.class, EngineFixture.class.getClassLoader())
        .forEach(providers::add);
    if (providers.isEmpty()) {
      throw new IllegalStateException("no engine to test against on the class path: add the test "
          + "dependency dev.restock:restock-tck-engine (it brings restock-tck, the engine and the "
          + "in-memory store)");
    }
    if (providers.size() > 1) {
      throw new IllegalStateException("more than one engine provider on the class path: "
          + providers.stream().map(p -> p.getClass().getName()).toList());
    }
    return providers.get(0).inMemory(List.of(plugins));
  }

  /** What {@link #fleet} created. */
  public record Fleet(Location location, Route route, DeviceType deviceType,
      CabinetType cabinetType, Product cola, Product water, Product chips) {}

  /**
   * Depot (1 Main St), route R1 "North" every 7 days, device type Combo (2 cabinets), cabinet
   * type Ambient; COLA 1.00 (case of 24), WATER 0.90 (12), CHIPS 0.80 (10).
   */
  public static Fleet fleet(RestockSession session) {
    Location location = session.locations().create(new CreateLocation("Depot", "1 Main St"));
    Route route = session.routes().create(new CreateRoute("R1", "North", 7));
    DeviceType type = session.deviceTypes().create(new CreateDeviceType("Combo", 2));
    CabinetType cabinetType = session.cabinetTypes().create(new CreateCabinetType("Ambient"));
    Product cola = session.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 24));
    Product water = session.products().create(
        new CreateProduct("WATER", "Water", "Drinks", new BigDecimal("0.90"), 12));
    Product chips = session.products().create(
        new CreateProduct("CHIPS", "Chips", "Snacks", new BigDecimal("0.80"), 10));
    return new Fleet(location, route, type, cabinetType, cola, water, chips);
  }

  /**
   * A device on the fleet's route, serial {@code SN-name}, with {@code cabinets} 3 × 3 cabinets,
   * each with the planogram: A1 cola (capacity 10, par 10, quantity 8), A2 chips (6, 6,
   * {@code chipsQuantity}), B1 water (12, 10, 4), C3 empty (5, 0, 0).
   */
  public static DeviceSetup device(RestockSession session, Fleet f, String name, int cabinets,
      int chipsQuantity) {
    List<CabinetSpec> specs = new ArrayList<>();
    List<CabinetPlanogram> planograms = new ArrayList<>();
    for (int i = 1; i <= cabinets; i++) {
      specs.add(new CabinetSpec(i, f.cabinetType().id(), 3, 3));
      planograms.add(new CabinetPlanogram(i, name + " cabinet " + i, List.of(
          new SlotSpec("A1", f.cola().id(), 10, 10, 8, null),
          new SlotSpec("A2", f.chips().id(), 6, 6, chipsQuantity, null),
          new SlotSpec("B1", f.water().id(), 12, 10, 4, null),
          new SlotSpec("C3", null, 5, 0, 0, null))));
    }
    return session.devices().setUp(new SetUpDevice(new CreateDevice(name, "SN-" + name,
        f.location().id(), f.route().id(), f.deviceType().id(), specs), planograms));
  }
}
