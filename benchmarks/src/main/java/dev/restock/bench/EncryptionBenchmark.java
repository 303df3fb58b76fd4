package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
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
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The overhead of encrypted personal fields (issue 20). Two stores are opened side by side on the
 * same data set: one without keys (fields plain), one with a new key file (emails, addresses and
 * notes sealed with AES-GCM, emails indexed by HMAC). Each gets one warm-up round, not counted
 * (the JIT, the connection pool, the database's caches), then {@code rounds} counted rounds in
 * alternating order (plain first, then encrypted first, ...), so neither mode always runs on a
 * JVM or a database the other has just warmed. A round measures, on fresh rows of its own: users
 * created (each seals an email), sales recorded one call at a time, route orders created (the
 * pick-list computation), each order's visits completed with driver notes (each seals a note;
 * the order is assigned and dispatched first, untimed, and every line is delivered as 0 with the
 * units returned, so slots and stock are the same for the next round), users found by email
 * equality, pages of 50 locations (each address opened) and order histories read (the order's
 * revisions with its visits, notes opened; {@code reads / 10} of them). Per measure the table
 * gives each mode's median over the counted rounds, the ratio encrypted/plain of those medians,
 * and the lowest and highest ratio of a single round, so the noise is visible. After the rounds
 * it counts, in each database, the emails, addresses and visit notes stored as {@code ENC1.}
 * values: all of them with keys, none without, or the run fails. Usage:
 * {@code java -jar benchmarks/target/benchmarks.jar --encryption [--db sqlite|postgres]
 * [--devices N] [--users N] [--sales N] [--orders N] [--reads N] [--rounds N]}; every count is
 * per round.
 */
final class EncryptionBenchmark {
  static final String USAGE = "use --encryption [--db sqlite|postgres] [--devices N] [--users N]"
      + " [--sales N] [--orders N] [--reads N] [--rounds N]";
  static final List<String> MEASURES = List.of("users created/s", "sales recorded/s",
      "route order created ms", "visit completed+notes ms", "user by email/s",
      "location pages of 50/s", "order history reads/s");
  private static final String HEADER = "| %-26s | %12s | %12s | %9s | %13s |";
  private static final String ROW = "| %-26s | %12.2f | %12.2f | %9.2f | %13s |";
  private static final String NOTE = "Door sticks; coin mech jammed, cleared.\n"
      + "Site manager asks for an extra visit on Fridays.";

  /** The command's options; every count is per round. */
  record Options(String db, int devices, int users, int sales, int orders, int reads,
      int rounds) {
    static Options parse(String... args) {
      String db = "sqlite";
      int devices = 20;
      int users = 200;
      int sales = 1000;
      int orders = 20;
      int reads = 1000;
      int rounds = 5;
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
          case "--rounds" -> rounds = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]
              + "; " + USAGE);
        }
      }
      if (!db.equals("sqlite") && !db.equals("postgres")) {
        throw new IllegalArgumentException("--db must be sqlite or postgres; " + USAGE);
      }
      if (devices < 1 || users < 1 || sales < 1 || orders < 1 || reads < 1 || rounds < 1) {
        throw new IllegalArgumentException("every count must be at least 1; " + USAGE);
      }
      // the warm-up round sells too; completions deliver nothing, so sold units stay sold
      if ((long) sales * (rounds + 1) > (long) devices * 2 * 999) {
        throw new IllegalArgumentException("sales x (rounds + 1 warm-up) must fit the slots'"
            + " units (" + devices + " devices x 2 slots x 999); " + USAGE);
      }
      return new Options(db, devices, users, sales, orders, reads, rounds);
    }
  }

  /** How many values of one encrypted column a mode's database holds, and how many are sealed. */
  record AtRest(String mode, String column, long values, long sealed) {}

  /** The printed table and the at-rest counts of both databases. */
  record Report(List<String> table, List<AtRest> atRest) {}

  private EncryptionBenchmark() {}

  static Report run(String... args) throws Exception {
    Options options = Options.parse(args);
    System.out.printf(Locale.ROOT, "Encryption on %s: %d devices (2 slots each, one location "
        + "each); per round %d users, %d sales, %d orders (visits completed with notes), %d reads"
        + " of each kind (%d order histories); 1 warm-up round, then %d rounds alternating%n",
        options.db(), options.devices(), options.users(), options.sales(), options.orders(),
        options.reads(), historyReads(options), options.rounds());
    System.out.printf("Machine: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    List<double[]> plain = new ArrayList<>();
    List<double[]> sealed = new ArrayList<>();
    List<AtRest> atRest = new ArrayList<>();
    try (Store plainStore = Store.open(options, false);
        Store sealedStore = Store.open(options, true)) {
      System.out.println("  warm-up, not counted:");
      plainStore.round(options, 0);
      sealedStore.round(options, 0);
      for (int r = 1; r <= options.rounds(); r++) {
        // ABBA: the mode that went second goes first in the next round
        if (r % 2 == 1) {
          sealed.add(sealedStore.round(options, r));
          plain.add(plainStore.round(options, r));
        } else {
          plain.add(plainStore.round(options, r));
          sealed.add(sealedStore.round(options, r));
        }
      }
      atRest.addAll(plainStore.atRest());
      atRest.addAll(sealedStore.atRest());
    }
    for (AtRest a : atRest) {
      System.out.printf(Locale.ROOT, "  at rest, %-9s %-20s %d values, %d sealed (ENC1.)%n",
          a.mode(), a.column(), a.values(), a.sealed());
      boolean ok = a.values() > 0
          && a.sealed() == (a.mode().equals("encrypted") ? a.values() : 0);
      if (!ok) {
        throw new IllegalStateException("the " + a.mode() + " database holds " + a.sealed()
            + " sealed of " + a.values() + " values in " + a.column()
            + ": the run did not measure what it says");
      }
    }
    List<String> table = new ArrayList<>();
    table.add(String.format(Locale.ROOT, HEADER, "measure (median of rounds)", "plain",
        "encrypted", "enc/plain", "round ratios"));
    for (int m = 0; m < MEASURES.size(); m++) {
      int measure = m;
      double p = median(plain.stream().mapToDouble(v -> v[measure]).boxed().toList());
      double e = median(sealed.stream().mapToDouble(v -> v[measure]).boxed().toList());
      double low = Double.MAX_VALUE;
      double high = 0;
      for (int r = 0; r < plain.size(); r++) {
        double ratio = sealed.get(r)[m] / plain.get(r)[m];
        low = Math.min(low, ratio);
        high = Math.max(high, ratio);
      }
      table.add(String.format(Locale.ROOT, ROW, MEASURES.get(m), p, e, e / p,
          String.format(Locale.ROOT, "%.2f..%.2f", low, high)));
    }
    System.out.println();
    table.forEach(System.out::println);
    System.out.println();
    System.out.println("/s: higher is faster; ms: mean per call, higher is slower. Ratios are"
        + " encrypted/plain; round ratios pair the two modes' runs of the same round.");
    return new Report(table, atRest);
  }

  private static int historyReads(Options options) {
    return Math.max(1, options.reads() / 10);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** One mode's database and engine, open for the whole run. */
  private static final class Store implements AutoCloseable {
    private final String mode;
    private final Restock engine;
    private final RestockSession ops;
    private final Fleet fleet;
    private final UUID driver;
    private final Path dir;
    private final String schema;

    private Store(String mode, Restock engine, RestockSession ops, Fleet fleet, UUID driver,
        Path dir, String schema) {
      this.mode = mode;
      this.engine = engine;
      this.ops = ops;
      this.fleet = fleet;
      this.driver = driver;
      this.dir = dir;
      this.schema = schema;
    }

    static Store open(Options options, boolean keys) throws Exception {
      Path dir = Files.createTempDirectory("restock-bench-enc");
      String schema = null;
      JpaStoreConfig config;
      if (options.db().equals("postgres")) {
        schema = "bench_enc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        config = JpaStoreConfig.of(BenchDatabase.POSTGRES, "postgres", "").withSchema(schema);
      } else {
        config = JpaStoreConfig.of(sqliteUrl(dir), null, null);
      }
      if (keys) {
        config = config.withKeys(KeyFileKeyProvider.create(dir.resolve("bench.keys")));
      }
      Restock engine = RestockEngine.builder().store(JpaStores.of(config)).build();
      try {
        User admin = engine.as(Actor.system()).users()
            .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
        RestockSession ops = engine.as(Actor.user(admin.id()));
        Fleet fleet = Fleet.create(ops, options.devices());
        User driver = ops.users().create(new CreateUser("driver", "driver@example.com",
            Role.DRIVER));
        return new Store(keys ? "encrypted" : "plain", engine, ops, fleet, driver.id(), dir,
            schema);
      } catch (Exception | Error e) {
        engine.close();
        dropSchema(schema);
        throw e;
      }
    }

    private static String sqliteUrl(Path dir) {
      return "jdbc:sqlite:" + dir.resolve("bench.db").toAbsolutePath();
    }

    /** Round {@code r}'s figures, in the order of {@link #MEASURES}. */
    double[] round(Options options, int r) {
      long t0 = System.nanoTime();
      List<String> emails = new ArrayList<>();
      for (int u = 0; u < options.users(); u++) {
        String email = "driver" + r + "x" + u + "@example.com";
        ops.users().create(new CreateUser("driver" + r + "x" + u, email, Role.DRIVER));
        emails.add(email);
      }
      double users = options.users() / seconds(t0);

      List<UUID> slots = fleet.slots();
      t0 = System.nanoTime();
      for (int s = 0; s < options.sales(); s++) {
        UUID slot = slots.get((int) (((long) r * options.sales() + s) % slots.size()));
        ops.sales().record(new RecordSales(List.of(SaleEntry.sold(slot, 1))));
      }
      double sales = options.sales() / seconds(t0);

      long createNanos = 0;
      long visitNanos = 0;
      int visits = 0;
      List<UUID> orders = new ArrayList<>();
      for (int o = 0; o < options.orders(); o++) {
        t0 = System.nanoTime();
        ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(
            fleet.route()));
        createNanos += System.nanoTime() - t0;
        orders.add(order.id());
        ops.serviceOrders().assign(order.id(), driver);
        ops.serviceOrders().dispatch(order.id());
        t0 = System.nanoTime();
        for (Visit visit : order.visits()) {
          Map<UUID, Integer> nothing = new LinkedHashMap<>();
          for (OrderLine line : visit.lines()) {
            nothing.put(line.slotId(), 0);
          }
          ops.serviceOrders().completeVisit(order.id(), visit.id(),
              new CompleteVisit(nothing, true, NOTE));
          visits++;
        }
        visitNanos += System.nanoTime() - t0;
      }
      if (visits == 0) {
        throw new IllegalStateException("the route's orders had no visits to complete");
      }
      double orderMillis = createNanos / 1e6 / options.orders();
      double visitMillis = visitNanos / 1e6 / visits;

      t0 = System.nanoTime();
      for (int i = 0; i < options.reads(); i++) {
        String email = emails.get(i % emails.size());
        if (ops.users().find(Criteria.where("email", Operator.EQ, email), PageRequest.of(0, 1),
            Visibility.LIVE).items().size() != 1) {
          throw new IllegalStateException("user " + email + " not found by email");
        }
      }
      double lookups = options.reads() / seconds(t0);

      t0 = System.nanoTime();
      for (int i = 0; i < options.reads(); i++) {
        ops.locations().list(PageRequest.of(0, 50));
      }
      double pages = options.reads() / seconds(t0);

      int historyReads = historyReads(options);
      t0 = System.nanoTime();
      for (int i = 0; i < historyReads; i++) {
        if (ops.history().history(AuditedType.SERVICE_ORDER, orders.get(i % orders.size()))
            .isEmpty()) {
          throw new IllegalStateException("an order without history");
        }
      }
      double histories = historyReads / seconds(t0);

      System.out.printf(Locale.ROOT, "  %s %-9s users %.1f/s, sales %.1f/s, order %.2f ms, "
          + "visit %.2f ms, by email %.1f/s, location pages %.1f/s, histories %.1f/s%n",
          r == 0 ? "warm-up " : "round " + r + ", ", mode, users, sales, orderMillis,
          visitMillis, lookups, pages, histories);
      return new double[] {users, sales, orderMillis, visitMillis, lookups, pages, histories};
    }

    /** The encrypted columns' values in this database, and how many are sealed. */
    List<AtRest> atRest() throws Exception {
      List<AtRest> counts = new ArrayList<>();
      String prefix = schema == null ? "" : schema + ".";
      try (Connection c = schema == null ? DriverManager.getConnection(sqliteUrl(dir))
              : DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "");
          Statement s = c.createStatement()) {
        for (String column : List.of("app_user.email", "location.address",
            "service_visit.notes")) {
          String table = column.substring(0, column.indexOf('.'));
          String field = column.substring(column.indexOf('.') + 1);
          try (ResultSet rs = s.executeQuery("select count(*), coalesce(sum(case when " + field
              + " like 'ENC1.%' then 1 else 0 end), 0) from " + prefix + table + " where "
              + field + " is not null")) {
            rs.next();
            counts.add(new AtRest(mode, column, rs.getLong(1), rs.getLong(2)));
          }
        }
      }
      return counts;
    }

    @Override
    public void close() throws Exception {
      try {
        engine.close();
      } finally {
        dropSchema(schema);
      }
    }

    private static void dropSchema(String schema) throws Exception {
      if (schema != null) {
        try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("drop schema if exists " + schema + " cascade");
        }
      }
    }
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
      // enough for any order: completions deliver nothing and return the units
      ops.stock().receive(cola.id(), devices * 2 * 999, "opening stock");
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
