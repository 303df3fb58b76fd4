package dev.restock.jpa.crash;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The world the crash writers work in: an administrator, a driver, one route whose devices have
 * {@link #CABINETS} cabinets in all, stocked products in their slots. Written to a properties
 * file so that every writer JVM works on the same ids.
 *
 * @param cabinets cabinets on the route: every service order must visit exactly this many
 */
record CrashFixture(UUID admin, UUID driver, UUID route, List<UUID> products, List<UUID> slots,
    int cabinets) {

  static final int CABINETS = 2;

  /** Reason of every stock receipt the crash suite makes: the harness sums receipts from it. */
  static String receiptReason(String token, int units) {
    return "receipt " + token + " +" + units;
  }

  /** Units of a receipt from its {@link #receiptReason}. */
  static int receiptUnits(String reason) {
    return Integer.parseInt(reason.substring(reason.lastIndexOf('+') + 1));
  }

  /** Builds the fixture through the engine's own use cases. */
  static CrashFixture create(Restock engine) {
    UUID admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN)).id();
    RestockSession ops = engine.as(Actor.user(admin));
    UUID driver = ops.users().create(new CreateUser("dave", "dave@example.com", Role.DRIVER)).id();
    UUID location = ops.locations().create(new CreateLocation("Depot", null)).id();
    UUID route = ops.routes().create(new CreateRoute("R1", "North", 7)).id();
    UUID type = ops.deviceTypes().create(new CreateDeviceType("Single", 1)).id();
    UUID cabinetType = ops.cabinetTypes().create(new CreateCabinetType("Ambient")).id();
    List<UUID> products = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      products.add(ops.products().create(new CreateProduct("P" + p, "Product " + p, null,
          new BigDecimal("1.50"), 6)).id());
    }
    List<UUID> slots = new ArrayList<>();
    for (int d = 1; d <= CABINETS; d++) {
      List<SlotSpec> specs = new ArrayList<>();
      for (int p = 0; p < products.size(); p++) {
        // half full: the first order has something to plan
        specs.add(new SlotSpec("A" + (p + 1), products.get(p), 12, 10, 5, null));
      }
      DeviceSetup setup = ops.devices().setUp(new SetUpDevice(new CreateDevice("M" + d, "SN" + d,
          location, route, type, List.of(new CabinetSpec(1, cabinetType, 2, 4))),
          List.of(new CabinetPlanogram(1, "P", specs))));
      setup.planograms().forEach(pl -> pl.slots().stream().map(Slot::id).forEach(slots::add));
    }
    for (UUID product : products) {
      ops.stock().receive(product, 200, receiptReason(UUID.randomUUID().toString(), 200));
    }
    return new CrashFixture(admin, driver, route, products, slots, CABINETS);
  }

  void save(Path file) {
    Properties p = new Properties();
    p.setProperty("admin", admin.toString());
    p.setProperty("driver", driver.toString());
    p.setProperty("route", route.toString());
    p.setProperty("products", join(products));
    p.setProperty("slots", join(slots));
    p.setProperty("cabinets", Integer.toString(cabinets));
    try (Writer w = Files.newBufferedWriter(file)) {
      p.store(w, "crash fixture");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CrashFixture load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CrashFixture(UUID.fromString(p.getProperty("admin")),
        UUID.fromString(p.getProperty("driver")), UUID.fromString(p.getProperty("route")),
        split(p.getProperty("products")), split(p.getProperty("slots")),
        Integer.parseInt(p.getProperty("cabinets")));
  }

  private static String join(List<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  private static List<UUID> split(String ids) {
    return Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
  }
}
