package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
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
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic fleet generated through the engine (so it is audited like production data):
 * machines x 2 cabinets x 40 slots, products, and routes of about 28 machines.
 */
final class FleetGenerator {
  record Fleet(User admin, List<Route> routes, List<Product> products, List<UUID> slotIds) {}

  static Fleet generate(Restock engine, int machines, int productCount, int routeCount) {
    return generate(engine, machines, productCount, routeCount, "  ");
  }

  /** {@link #generate(Restock, int, int, int)} printing its progress lines after {@code prefix}. */
  static Fleet generate(Restock engine, int machines, int productCount, int routeCount,
      String prefix) {
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@bench.example", Role.ADMIN));
    RestockSession ops = engine.as(Actor.user(admin.id()).withReason("benchmark fleet"));
    Random random = new Random(42);
    Location location = ops.locations().create(new CreateLocation("Bench depot", null));
    DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Two-cabinet", 2));
    CabinetType ambient = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
    CabinetType chilled = ops.cabinetTypes().create(new CreateCabinetType("Chilled"));
    List<Product> products = new ArrayList<>();
    for (int p = 0; p < productCount; p++) {
      products.add(ops.products().create(new CreateProduct(String.format("SKU-%05d", p),
          "Product " + p, "Category " + (p % 12), new BigDecimal(1 + p % 4 + ".50"),
          6 * (1 + p % 4))));
    }
    List<Route> routes = new ArrayList<>();
    for (int r = 0; r < routeCount; r++) {
      routes.add(ops.routes().create(new CreateRoute(String.format("R%03d", r), "Route " + r,
          7)));
    }
    List<UUID> slotIds = new ArrayList<>();
    long started = System.nanoTime();
    for (int m = 0; m < machines; m++) {
      List<CabinetPlanogram> planograms = new ArrayList<>();
      for (int c = 1; c <= 2; c++) {
        List<SlotSpec> slots = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
          String position = (char) ('A' + s / 8) + String.valueOf(s % 8 + 1);
          int capacity = 8 + random.nextInt(13);
          int par = capacity - random.nextInt(3);
          int quantity = 2 + random.nextInt(par - 1);
          slots.add(new SlotSpec(position, products.get(random.nextInt(productCount)).id(),
              capacity, par, quantity, null));
        }
        planograms.add(new CabinetPlanogram(c, "M" + m + "-" + c, slots));
      }
      var setup = ops.devices().setUp(new SetUpDevice(new CreateDevice("Machine " + m,
          String.format("SN-%06d", m), location.id(), routes.get(m % routeCount).id(), type.id(),
          List.of(new CabinetSpec(1, ambient.id(), 5, 8), new CabinetSpec(2, chilled.id(), 5, 8))),
          planograms));
      setup.planograms().forEach(p -> p.slots().forEach(s -> slotIds.add(s.id())));
      if ((m + 1) % 200 == 0 || m + 1 == machines) {
        System.out.printf("%sgenerated %d/%d machines (%.0f s)%n", prefix, m + 1, machines,
            (System.nanoTime() - started) / 1e9);
      }
    }
    return new Fleet(admin, routes, products, slotIds);
  }

  private FleetGenerator() {}
}
