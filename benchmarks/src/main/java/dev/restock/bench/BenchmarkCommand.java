package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.query.PageRequest;
import dev.restock.core.wiring.RestockEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a fleet on each database and measures the engine against raw JDBC (the baseline) and
 * against the physical floor ({@link Floor}) on the same data in the same run. Usage:
 * {@code java -jar benchmarks/target/benchmarks.jar [--scale F] [--db sqlite,postgresql]
 * [--catalog N] [--cli-jar PATH] [--cold-runs N] [--jfr DIR]}; scale 1 is 2,000 machines x 2
 * cabinets x 40 slots, 300 products, 70 routes; the catalog scenario uses N products (default
 * 1,000,000), half soft-deleted. {@code --jmh} runs the JMH benchmarks ({@link OrderBenchmark})
 * instead, {@code --isolation} the READ COMMITTED against SERIALIZABLE comparison on PostgreSQL
 * ({@link IsolationBenchmark}), {@code --encryption} the same workload without and with
 * encrypted personal fields ({@link EncryptionBenchmark}), {@code --tenants} many tenants with and without a read replica
 * ({@link TenantBenchmark}).
 */
public final class BenchmarkCommand {
  static final String USAGE = "use --scale F, --db sqlite,postgresql, --catalog N,"
      + " --cli-jar PATH, --cold-runs N, --jfr DIR";
  private static final String FORMAT =
      "| %-10s | %-46s | %-46s | %10s | %10s | %10s | %15s | %12s | %15s |";

  /** The command's options. */
  record Options(double scale, List<String> databases, int catalog, Path cliJar, int coldRuns,
      Path jfrDir) {
    static Options parse(String... args) {
      double scale = 1;
      List<String> databases = List.of("sqlite", "postgresql");
      int catalog = 1_000_000;
      Path cliJar = Path.of("samples", "cli", "target", "restock.jar");
      int coldRuns = 3;
      Path jfrDir = null;
      for (int i = 0; i < args.length; i++) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
        }
        switch (args[i]) {
          case "--scale" -> scale = Double.parseDouble(args[++i]);
          case "--db" -> databases = Arrays.asList(args[++i].split(","));
          case "--catalog" -> catalog = Integer.parseInt(args[++i]);
          case "--cli-jar" -> cliJar = Path.of(args[++i]);
          case "--cold-runs" -> coldRuns = Integer.parseInt(args[++i]);
          case "--jfr" -> jfrDir = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; "
              + USAGE);
        }
      }
      if (coldRuns < 1) {
        throw new IllegalArgumentException("--cold-runs must be at least 1, not " + coldRuns);
      }
      return new Options(scale, databases, catalog, cliJar, coldRuns, jfrDir);
    }
  }

  private final Options options;
  private final Profiler profiler;
  private final List<String> table = new ArrayList<>();

  private BenchmarkCommand(Options options) throws IOException {
    this.options = options;
    this.profiler = options.jfrDir() == null ? null : new Profiler(options.jfrDir());
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("guice_bytecode_gen_option", "DISABLED");
    if (Arrays.asList(args).contains("--jmh")) {
      new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
          .include(OrderBenchmark.class.getName()).build()).run();
      return;
    }
    if (Arrays.asList(args).contains("--isolation")) {
      IsolationBenchmark.run(args);
      return;
    }
    if (Arrays.asList(args).contains("--encryption")) {
      EncryptionBenchmark.run(args);
      return;
    }
    if (Arrays.asList(args).contains("--tenants")) {
      TenantBenchmark.run(args);
      return;
    }
    new BenchmarkCommand(Options.parse(args)).run();
  }

  private void run() throws Exception {
    double scale = options.scale();
    int machines = (int) Math.round(2000 * scale);
    int products = (int) Math.round(300 * Math.max(1, scale));
    int routes = Math.max(1, (int) Math.round(70 * scale));
    System.out.printf("Restock benchmarks: %d machines x 2 cabinets x 40 slots (%d slots), %d"
        + " products, %d routes; catalog scenario %d products%n", machines, machines * 80,
        products, routes, options.catalog());
    System.out.printf("Machine: %d cores, JDK %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    table.add(String.format(FORMAT, "database", "scenario", "work", "engine", "baseline",
        "floor", "engine/baseline", "engine/floor", "engine per unit"));
    table.add(String.format(FORMAT, "", "", "", "", "", "", "", "", "").replace(' ', '-')
);
    for (String db : options.databases()) {
      try (BenchDatabase database = switch (db) {
        case "sqlite" -> BenchDatabase.sqlite(Path.of("target", "bench"));
        case "postgresql" -> BenchDatabase.postgres();
        default -> throw new IllegalArgumentException("unknown database " + db
            + "; use sqlite or postgresql");
      }) {
        runOn(database, machines, products, routes);
      }
    }
    System.out.println();
    table.forEach(System.out::println);
  }

  /** A row; NaN prints as "-", and a ratio with a NaN side too. */
  private void row(BenchDatabase db, String scenario, String work, double engine,
      double baseline, double floor, String perUnit) {
    String line = String.format(FORMAT, db.name, scenario, work, fmt(engine), fmt(baseline),
        fmt(floor), ratio(engine, baseline), ratio(engine, floor), perUnit);
    table.add(line);
    System.out.println(line);
  }

  private void runOn(BenchDatabase db, int machines, int productCount, int routeCount)
      throws Exception {
    System.out.println();
    System.out.println("== " + db.name + " (" + db.jdbcUrl + ")");
    try (Restock engine = RestockEngine.builder().store(db.factory()).build();
        Connection connection = db.connect(); Connection floorConnection = db.connect()) {
      long started = System.nanoTime();
      FleetGenerator.Fleet fleet = profiled(db, "0-fleet", () -> FleetGenerator.generate(engine,
          machines, productCount, routeCount));
      double fleetSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("  fleet generated in %.0f s%n", fleetSeconds);
      row(db, "0. fleet generated through the engine (s)", String.format(Locale.ROOT,
          "%d machines, %d slots, %d products", machines, fleet.slotIds().size(),
          fleet.products().size()), fleetSeconds, Double.NaN, Double.NaN,
          perUnit(fleetSeconds * 1000 / machines, "ms/machine"));
      RestockSession ops = engine.as(Actor.user(fleet.admin().id()));
      Baseline baseline = new Baseline(connection);
      Floor floor = Floor.on(db, floorConnection);

      // 1. create a service order for one route: engine, baseline, floor
      int iterations = Math.min(20, fleet.routes().size());
      long[] engineStatements = new long[1];
      long[] baselineStatements = new long[1];
      long[] floorStatements = new long[1];
      List<Floor.Written> floorOrders = new ArrayList<>();
      double engineMs = profiled(db, "1-order", () -> Measure.medianMillis(3, iterations, i -> {
        long before = db.store.get().preparedStatementCount();
        ops.serviceOrders().create(CreateServiceOrder.forRoute(
            fleet.routes().get(i % fleet.routes().size()).id()));
        engineStatements[0] = db.store.get().preparedStatementCount() - before;
      }));
      double baselineMs = Measure.medianMillis(3, iterations, i -> {
        long before = baseline.statements;
        baseline.createOrder(fleet.routes().get(i % fleet.routes().size()).id(),
            fleet.admin().id());
        baselineStatements[0] = baseline.statements - before;
      });
      double floorMs = Measure.medianMillis(3, iterations, i -> {
        long before = floor.statements;
        floorOrders.add(floor.createOrder(fleet.routes().get(i % fleet.routes().size()).id(),
            fleet.admin().id()));
        floorStatements[0] = floor.statements - before;
      });
      double visits = floorOrders.stream().mapToInt(w -> w.rows("service_visit")).average()
          .orElse(0);
      double lines = floorOrders.stream().mapToInt(w -> w.rows("order_line")).average()
          .orElse(0);
      double visited = floorOrders.stream().mapToInt(w -> w.rows("device")).average()
          .orElse(0);
      String orderWork = String.format(Locale.ROOT, "%.0f machines, %.0f cabinets, %.0f lines",
          visited, visits, lines);
      System.out.printf("  floor rows per order: 1 service_order, %.0f service_visit, %.0f"
          + " order_line, 1 audit_revision, %.0f history rows (_aud), 1 audit_log, the number"
          + " series and the chain head%n", visits, lines, 1 + visits + lines);
      row(db, "1. order for one route (median ms)", orderWork, engineMs, baselineMs, floorMs,
          perUnit(engineMs * 1000 / Math.max(1, lines), "us/line"));
      row(db, "1. order for one route (SQL statements)", orderWork, engineStatements[0],
          baselineStatements[0], floorStatements[0], "-");

      // 2. slot sales: engine with full history, the floor, then the baseline's bare updates
      int sales = Math.min(100_000, fleet.slotIds().size());
      List<UUID> slots = new ArrayList<>(fleet.slotIds());
      Collections.shuffle(slots, new Random(7));
      List<UUID> sold = slots.subList(0, sales);
      long t0 = System.nanoTime();
      profiled(db, "2-sales", () -> {
        for (int from = 0; from < sales; from += 1000) {
          List<SaleEntry> entries = new ArrayList<>();
          for (UUID slot : sold.subList(from, Math.min(sales, from + 1000))) {
            entries.add(SaleEntry.sold(slot, 1));
          }
          ops.sales().record(new RecordSales(entries));
          if ((from / 1000) % 20 == 19) {
            System.out.printf("  engine sales: %d/%d%n", from + 1000, sales);
          }
        }
        return null;
      });
      double engineSalesPerSec = sales / ((System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      Floor.Written floorSales = floor.recordSales(sold, 1000, fleet.admin().id());
      double floorSalesPerSec = sales / ((System.nanoTime() - t0) / 1e9);
      System.out.printf("  floor rows for %d sales: %d slot updates, %d sale, %d slot_aud, %d"
          + " audit_revision, %d audit_log, as many chain head updates%n", sales,
          floorSales.rows("slot"), floorSales.rows("sale"), floorSales.rows("slot_aud"),
          (sales + 999) / 1000, (sales + 999) / 1000);
      t0 = System.nanoTime();
      baseline.recordSales(sold, 1000);
      double baselineSalesPerSec = sales / ((System.nanoTime() - t0) / 1e9);
      row(db, "2. slot sales (sales/s, higher is better)", String.format(Locale.ROOT,
          "%d sales, batches of 1000, %d slots", sales, fleet.slotIds().size()),
          engineSalesPerSec, baselineSalesPerSec, floorSalesPerSec,
          perUnit(1e6 / engineSalesPerSec, "us/sale"));

      // 3. history of an entity with 1,000 revisions
      Product product = fleet.products().get(0);
      for (int i = 0; i < 999; i++) {
        ops.products().update(product.id(), new UpdateProduct(null, "Product 0 rev " + i, null,
            null, null, null));
      }
      int[] revisions = new int[1];
      double historyMs = profiled(db, "3-history", () -> Measure.medianMillis(3, 15, i ->
          revisions[0] = ops.history().history(AuditedType.PRODUCT, product.id()).size()));
      double historyBaselineMs = Measure.medianMillis(3, 15, i -> baseline.productHistory(
          product.id()));
      row(db, "3. history of one entity (median ms)", revisions[0] + " revisions", historyMs,
          historyBaselineMs, Double.NaN, perUnit(historyMs * 1000 / revisions[0],
              "us/revision"));

      // 5. cold start to the first query, and heap after it (separate JVMs)
      String runs = options.coldRuns() + " fresh JVMs";
      long[] engineStart = coldStart("engine", db);
      long[] jdbcStart = coldStart("jdbc", db);
      row(db, "5. cold start to first query (median ms)", "embedded engine, " + runs,
          engineStart[0], jdbcStart[0], Double.NaN, "-");
      row(db, "5. heap used after start (MB)", "embedded engine, " + runs,
          engineStart[1] / 1048576.0, jdbcStart[1] / 1048576.0, Double.NaN, "-");
      cliColdStart(db);

      // 4. page 1 of live products among a large catalog, half soft-deleted
      bulkProducts(connection, db, options.catalog(), fleet.admin().id());
      double pageMs = profiled(db, "4-page", () -> Measure.medianMillis(3, 15, i ->
          ops.products().list(PageRequest.of(0, 50))));
      double pageBaselineMs = Measure.medianMillis(3, 15, i -> baseline.liveProductsPage(50));
      row(db, "4. page 1 of live products (median ms)", String.format(Locale.ROOT,
          "50 of %d products, half deleted", options.catalog()), pageMs, pageBaselineMs,
          Double.NaN, "-");
      System.out.println("  query plan of the page query:");
      plan(connection, db).forEach(l -> System.out.println("    " + l));
    }
  }

  /** Runs an engine scenario under a JFR recording when {@code --jfr} is given. */
  private <T> T profiled(BenchDatabase db, String scenario, Profiler.Work<T> work)
      throws Exception {
    return profiler == null ? work.run() : profiler.record(db.name + "-" + scenario, work);
  }

  /**
   * A fresh JVM running one read command of the tool ({@code product list}) on this run's SQLite
   * file, whole process wall time; beside it a fresh JVM running one raw JDBC query, and the
   * tool's launcher script when one was built.
   */
  private void cliColdStart(BenchDatabase db) throws Exception {
    if (!db.isSqlite()) {
      System.out.println("  cold start of the restock tool: measured on SQLite only");
      return;
    }
    Path jar = options.cliJar();
    if (!Files.isRegularFile(jar)) {
      System.out.println("  cold start of the restock tool skipped: no jar at "
          + jar.toAbsolutePath() + " (build samples/cli, or pass --cli-jar PATH)");
      return;
    }
    String file = db.sqliteFile().toString();
    List<String> command = List.of("product", "list", "--db", file, "--size", "1");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> jdbc = List.of(java, "-cp", System.getProperty("java.class.path"),
        ColdStart.class.getName(), "jdbc", db.jdbcUrl, "-");
    long jdbcMs = wallMillis(jdbc);
    List<String> viaJar = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    viaJar.addAll(command);
    long jarMs = wallMillis(viaJar);
    String runs = options.coldRuns() + " fresh JVMs, wall time";
    row(db, "5. cold start of 'restock product list' (ms)", "java -jar, " + runs, jarMs, jdbcMs,
        Double.NaN, "-");
    Path launcher = jar.resolveSibling("restock");
    if (Files.isRegularFile(launcher)) {
      List<String> viaLauncher = new ArrayList<>(List.of(launcher.toString()));
      viaLauncher.addAll(command);
      row(db, "5. cold start of 'restock product list' (ms)", "launcher script, " + runs,
          wallMillis(viaLauncher), jdbcMs, Double.NaN, "-");
    } else {
      System.out.println("  no launcher script at " + launcher.toAbsolutePath()
          + ": its row is left out");
    }
  }

  /** Median wall time of a process started {@code --cold-runs} times; it must exit with 0. */
  private long wallMillis(List<String> command) throws Exception {
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < options.coldRuns(); i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      int exit = p.waitFor();
      runs.add((System.nanoTime() - t0) / 1_000_000);
      if (exit != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + exit + ":\n" + out);
      }
    }
    Collections.sort(runs);
    return runs.get(runs.size() / 2);
  }

  private static void bulkProducts(Connection c, BenchDatabase db, int count, UUID actor)
      throws Exception {
    long t0 = System.nanoTime();
    boolean sqlite = db.isSqlite();
    try (PreparedStatement s = c.prepareStatement("insert into product (id, sku, name, category,"
        + " price, case_pack, active, version, created_at, created_by, updated_at, updated_by,"
        + " deleted_at) values (?, ?, ?, 'Bulk', 1.00, 1, true, 0, ?, ?, ?, ?, "
        + (sqlite ? "?" : "cast(? as timestamp with time zone)") + ")")) {
      Timestamp now = Timestamp.from(Instant.now());
      for (int i = 0; i < count; i++) {
        s.setString(1, UUID.randomUUID().toString());
        s.setString(2, String.format("BULK-%08d", i));
        s.setString(3, "Bulk product " + i);
        s.setTimestamp(4, now);
        s.setString(5, actor.toString());
        s.setTimestamp(6, now);
        s.setString(7, actor.toString());
        // every other product is soft-deleted, as Hibernate would mark it
        s.setString(8, i % 2 == 0 ? null : sqlite ? "2026-01-01 00:00:00" : "2026-01-01 00:00:00Z");
        s.addBatch();
        if (i % 10_000 == 9_999) {
          s.executeBatch();
          c.commit();
        }
        if (i % 200_000 == 199_999) {
          System.out.printf("  bulk catalog: %d/%d%n", i + 1, count);
        }
      }
      s.executeBatch();
      c.commit();
    }
    try (Statement s = c.createStatement()) {
      s.execute(sqlite ? "analyze" : "analyze product");
    }
    c.commit();
    System.out.printf("  %d catalog rows inserted by JDBC (not audited) in %.0f s%n", count,
        (System.nanoTime() - t0) / 1e9);
  }

  private static List<String> plan(Connection c, BenchDatabase db) throws Exception {
    boolean sqlite = db.isSqlite();
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery((sqlite
        ? "explain query plan " : "explain ") + "select id, sku, name, price from product"
        + " where deleted_at is null order by sku limit 50")) {
      while (rs.next()) {
        lines.add(sqlite ? rs.getString(4) : rs.getString(1));
      }
    }
    c.commit();
    return lines;
  }

  private long[] coldStart(String kind, BenchDatabase db) throws Exception {
    List<long[]> runs = new ArrayList<>();
    for (int i = 0; i < options.coldRuns(); i++) {
      String[] connect = db.connectArgs().split(" ");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"),
          "-Dguice_bytecode_gen_option=DISABLED", ColdStart.class.getName(), kind, connect[0],
          connect[1]).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor();
      String last = out.lines().reduce((a, b) -> b).orElse("");
      String[] parts = last.split(" ");
      if (parts.length != 2) {
        throw new IOException("cold start (" + kind + ") printed: " + out);
      }
      runs.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
    }
    runs.sort((a, b) -> Long.compare(a[0], b[0]));
    return runs.get(runs.size() / 2);
  }

  private static String perUnit(double value, String unit) {
    return fmt(value) + " " + unit;
  }

  private static String fmt(double v) {
    // counts (statements) print as whole numbers, measured figures with two decimals below 100
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT,
        v >= 100 || v == Math.rint(v) ? "%.0f" : "%.2f", v);
  }

  private static String ratio(double engine, double other) {
    return Double.isNaN(engine) || Double.isNaN(other) || other == 0 ? "-"
        : String.format(Locale.ROOT, "%.2fx", engine / other);
  }
}
