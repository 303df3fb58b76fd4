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
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Criteria.Operator;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The overhead of encrypted personal fields (issue 20): the same workload twice in one run, on a
 * fresh database each time, first without keys (fields plain), then with a new key file (emails,
 * addresses and notes sealed with AES-GCM, emails indexed by HMAC). Writes: users created (each
 * seals an email), sales recorded one call at a time, a service order for the route (pick-list
 * computation); reads: a user found by email equality, a page of locations (each address
 * opened). Each figure is printed with the ratio encrypted/plain. Usage:
 * {@code java -jar benchmarks/target/benchmarks.jar --encryption [--db sqlite|postgres]
 * [--devices N] [--users N] [--sales N] [--orders N] [--reads N]}.
 */
final class EncryptionBenchmark {
  static final String USAGE = "use --encryption [--db sqlite|postgres] [--devices N] [--users N]"
      + " [--sales N] [--orders N] [--reads N]";
  private static final String HEADER = "| %-28s | %12s | %12s | %16s |";
  private static final String ROW = "| %-28s | %12.2f | %12.2f | %16.2f |";

  /** The command's options. */
  record Options(String db, int devices, int users, int sales, int orders, int reads) {
    static Options parse(String... args) {
      String db = "sqlite";
      int devices = 20;
      int users = 200;
      int sales = 1000;
      int orders = 20;
      int reads = 1000;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--encryption")) {
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
        }
        String value = args[++i];
        switch (args[i - 1]) {
          case "--db" -> db = value;
          case "--devices" -> devices = Integer.parseInt(value);
          case "--users" -> users = Integer.parseInt(value);
          case "--sales" -> sales = Integer.parseInt(value);
          case "--orders" -> orders = Integer.parseInt(value);
          case "--reads" -> reads = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]
              + "; " + USAGE);
        }
      }
      if (!db.equals("sqlite") && !db.equals("postgres")) {
        throw new IllegalArgumentException("--db must be sqlite or postgres; " + USAGE);
      }
      if (devices < 1 || users < 1 || sales < 1 || orders < 1 || reads < 1) {
        throw new IllegalArgumentException("every count must be at least 1; " + USAGE);
      }
      if ((long) sales > (long) devices * 2 * 999) {
        throw new IllegalArgumentException("sales must fit the slots' units (" + devices
            + " devices x 2 slots x 999); " + USAGE);
      }
      return new Options(db, devices, users, sales, orders, reads);
    }
  }

  /** One mode's figures. */
  record Result(String mode, double usersPerSecond, double salesPerSecond, double orderMillis,
      double emailLookupsPerSecond, double locationPagesPerSecond) {}

  private EncryptionBenchmark() {}

  static List<String> run(String... args) throws Exception {
    Options options = Options.parse(args);
    System.out.printf(Locale.ROOT, "Encryption on %s: %d devices (2 slots each, one location "
        + "each), %d users, %d sales, %d orders, %d reads of each kind; plain first, then with "
        + "keys%n", options.db(), options.devices(), options.users(), options.sales(),
        options.orders(), options.reads());
    System.out.printf("Machine: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    Result plain = once(options, false);
    Result sealed = once(options, true);
    List<String> table = new ArrayList<>();
    table.add(String.format(Locale.ROOT, HEADER, "measure", "plain", "encrypted",
        "encrypted/plain"));
    row(table, "users created/s", plain.usersPerSecond(), sealed.usersPerSecond());
    row(table, "sales recorded/s", plain.salesPerSecond(), sealed.salesPerSecond());
    row(table, "route order ms (mean)", plain.orderMillis(), sealed.orderMillis());
    row(table, "user by email/s", plain.emailLookupsPerSecond(),
        sealed.emailLookupsPerSecond());
    row(table, "location pages of 50/s", plain.locationPagesPerSecond(),
        sealed.locationPagesPerSecond());
    System.out.println();
    table.forEach(System.out::println);
    return table;
  }

  private static void row(List<String> table, String name, double plain, double sealed) {
    table.add(String.format(Locale.ROOT, ROW, name, plain, sealed, sealed / plain));
  }

  private static Result once(Options options, boolean keys) throws Exception {
    Path dir = Files.createTempDirectory("restock-bench-enc");
    String schema = null;
    JpaStoreConfig config;
    if (options.db().equals("postgres")) {
      schema = "bench_enc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      config = JpaStoreConfig.of(BenchDatabase.POSTGRES, "postgres", "").withSchema(schema);
    } else {
      String url = "jdbc:sqlite:" + dir.resolve("bench.db").toAbsolutePath();
      config = JpaStoreConfig.of(url, null, null);
    }
    if (keys) {
      config = config.withKeys(KeyFileKeyProvider.create(dir.resolve("bench.keys")));
    }
    String mode = keys ? "encrypted" : "plain";
    try (Restock engine = RestockEngine.builder().store(JpaStores.of(config)).build()) {
      User admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
      RestockSession ops = engine.as(Actor.user(admin.id()));
      Fleet fleet = Fleet.create(ops, options.devices());

      long t0 = System.nanoTime();
      List<String> emails = new ArrayList<>();
      for (int u = 0; u < options.users(); u++) {
        String email = "driver" + u + "@example.com";
        ops.users().create(new CreateUser("driver" + u, email, Role.DRIVER));
        emails.add(email);
      }
      double usersPerSecond = options.users() / seconds(t0);

      t0 = System.nanoTime();
      for (int s = 0; s < options.sales(); s++) {
        UUID slot = fleet.slots().get(s % fleet.slots().size());
        ops.sales().record(new RecordSales(List.of(SaleEntry.sold(slot, 1))));
      }
      double salesPerSecond = options.sales() / seconds(t0);

      t0 = System.nanoTime();
      for (int o = 0; o < options.orders(); o++) {
        ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.route()));
      }
      double orderMillis = seconds(t0) * 1000 / options.orders();

      t0 = System.nanoTime();
      for (int r = 0; r < options.reads(); r++) {
        String email = emails.get(r % emails.size());
        if (ops.users().find(Criteria.where("email", Operator.EQ, email), PageRequest.of(0, 1),
            Visibility.LIVE).items().size() != 1) {
          throw new IllegalStateException("user " + email + " not found by email");
        }
      }
      double lookups = options.reads() / seconds(t0);

      t0 = System.nanoTime();
      for (int r = 0; r < options.reads(); r++) {
        ops.locations().list(PageRequest.of(0, 50));
      }
      double pages = options.reads() / seconds(t0);

      Result result = new Result(mode, usersPerSecond, salesPerSecond, orderMillis, lookups,
          pages);
      System.out.printf(Locale.ROOT, "  %-9s users %.1f/s, sales %.1f/s, order %.2f ms, by "
          + "email %.1f/s, location pages %.1f/s%n", mode, usersPerSecond, salesPerSecond,
          orderMillis, lookups, pages);
      return result;
    } finally {
      if (schema != null) {
        try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("drop schema if exists " + schema + " cascade");
        }
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /**
   * One route; per device a location with an address, one cabinet of two slots with cola
   * (capacity 999, full); stock for the orders.
   */
  private record Fleet(UUID route, List<UUID> slots) {
    static Fleet create(RestockSession ops, int devices) {
      DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Single", 1));
      CabinetType ambient = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
      Product cola = ops.products().create(
          new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
      Route route = ops.routes().create(new CreateRoute("R1", "Route 1", 7));
      List<UUID> slots = new ArrayList<>();
      for (int d = 0; d < devices; d++) {
        Location site = ops.locations().create(new CreateLocation("Site " + d,
            d + " Station Square, Springfield"));
        DeviceSetup setup = ops.devices().setUp(new SetUpDevice(new CreateDevice("M" + d,
            "SN-" + d, site.id(), route.id(), type.id(),
            List.of(new CabinetSpec(1, ambient.id(), 3, 3))),
            List.of(new CabinetPlanogram(1, "M" + d + " #1", List.of(
                new SlotSpec("A1", cola.id(), 999, 999, 999, null),
                new SlotSpec("A2", cola.id(), 999, 999, 999, null))))));
        setup.planograms().get(0).slots().forEach(s -> slots.add(s.id()));
      }
      return new Fleet(route.id(), slots);
    }
  }
}
