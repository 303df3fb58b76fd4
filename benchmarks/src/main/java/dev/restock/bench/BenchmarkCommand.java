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
 * Generates a fleet on each database and measures the engine against raw JDBC on the same data
 * in the same run. Usage: {@code java -jar benchmarks/target/benchmarks.jar [--scale F]
 * [--db sqlite,postgresql] [--catalog N]}; scale 1 is 2,000 machines x 2 cabinets x 40 slots,
 * 300 products, 70 routes; the catalog scenario uses N products (default 1,000,000), half
 * soft-deleted. {@code --jmh} runs the JMH benchmarks ({@link OrderBenchmark}) instead.
 */
public final class BenchmarkCommand {
  private final List<String> table = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("guice_bytecode_gen_option", "DISABLED");
    double scale = 1;
    List<String> databases = List.of("sqlite", "postgresql");
    int catalog = 1_000_000;
    if (Arrays.asList(args).contains("--jmh")) {
      new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
          .include(OrderBenchmark.class.getName()).build()).run();
      return;
    }
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[++i]);
        case "--db" -> databases = Arrays.asList(args[++i].split(","));
        case "--catalog" -> catalog = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --scale F, --db sqlite,postgresql, --catalog N");
      }
    }
    new BenchmarkCommand().run(scale, databases, catalog);
  }

  private void run(double scale, List<String> databases, int catalog) throws Exception {
    int machines = (int) Math.round(2000 * scale);
    int products = (int) Math.round(300 * Math.max(1, scale));
    int routes = Math.max(1, (int) Math.round(70 * scale));
    System.out.printf("Restock benchmarks: %d machines x 2 cabinets x 40 slots (%d slots), %d"
        + " products, %d routes; catalog scenario %d products%n", machines, machines * 80,
        products, routes, catalog);
    System.out.printf("Machine: %d cores, JDK %s, max heap %d MB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    table.add(String.format("| %-10s | %-52s | %14s | %14s | %8s |", "database", "scenario",
        "engine", "baseline", "ratio"));
    table.add("|" + "-".repeat(12) + "|" + "-".repeat(54) + "|" + "-".repeat(16) + "|"
        + "-".repeat(16) + "|" + "-".repeat(10) + "|");
    for (String db : databases) {
      try (BenchDatabase database = db.equals("sqlite")
          ? BenchDatabase.sqlite(Path.of("target", "bench")) : BenchDatabase.postgres()) {
        runOn(database, machines, products, routes, catalog);
      }
    }
    System.out.println();
    table.forEach(System.out::println);
  }

  private void row(BenchDatabase db, String scenario, String engine, String baseline,
      String ratio) {
    String line = String.format("| %-10s | %-52s | %14s | %14s | %8s |", db.name, scenario,
        engine, baseline, ratio);
    table.add(line);
    System.out.println(line);
  }

  private void runOn(BenchDatabase db, int machines, int productCount, int routeCount,
      int catalog) throws Exception {
    System.out.println();
    System.out.println("== " + db.name + " (" + db.jdbcUrl + ")");
    try (Restock engine = RestockEngine.builder().store(db.factory()).build();
        Connection connection = db.connect()) {
      long started = System.nanoTime();
      FleetGenerator.Fleet fleet = FleetGenerator.generate(engine, machines, productCount,
          routeCount);
      System.out.printf("  fleet generated in %.0f s%n", (System.nanoTime() - started) / 1e9);
      RestockSession ops = engine.as(Actor.user(fleet.admin().id()));
      Baseline baseline = new Baseline(connection);

      // 1. create a service order for one route, alternating engine and baseline
      int iterations = Math.min(20, fleet.routes().size());
      long[] engineStatements = new long[1];
      long[] baselineStatements = new long[1];
      double engineMs = Measure.medianMillis(3, iterations, i -> {
        long before = db.store.get().preparedStatementCount();
        ops.serviceOrders().create(CreateServiceOrder.forRoute(
            fleet.routes().get(i % fleet.routes().size()).id()));
        engineStatements[0] = db.store.get().preparedStatementCount() - before;
      });
      double baselineMs = Measure.medianMillis(3, iterations, i -> {
        long before = baseline.statements;
        baseline.createOrder(fleet.routes().get(i % fleet.routes().size()).id(),
            fleet.admin().id());
        baselineStatements[0] = baseline.statements - before;
      });
      row(db, "1. order for one route (median ms)", fmt(engineMs), fmt(baselineMs),
          ratio(engineMs, baselineMs));
      row(db, "1. order for one route (SQL statements)", String.valueOf(engineStatements[0]),
          String.valueOf(baselineStatements[0]), ratio(engineStatements[0], baselineStatements[0]));

      // 2. 100,000 slot sales: engine with full history vs batch update without
      int sales = Math.min(100_000, fleet.slotIds().size());
      List<UUID> slots = new ArrayList<>(fleet.slotIds());
      Collections.shuffle(slots, new Random(7));
      List<UUID> sold = slots.subList(0, sales);
      long t0 = System.nanoTime();
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
      double engineSalesPerSec = sales / ((System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      baseline.recordSales(sold, 1000);
      double baselineSalesPerSec = sales / ((System.nanoTime() - t0) / 1e9);
      row(db, "2. " + sales + " slot sales (sales/s, higher is better)",
          fmt(engineSalesPerSec), fmt(baselineSalesPerSec),
          ratio(engineSalesPerSec, baselineSalesPerSec));

      // 3. history of an entity with 1,000 revisions
      Product product = fleet.products().get(0);
      for (int i = 0; i < 999; i++) {
        ops.products().update(product.id(), new UpdateProduct(null, "Product 0 rev " + i, null,
            null, null, null));
      }
      int[] revisions = new int[1];
      double historyMs = Measure.medianMillis(3, 15, i ->
          revisions[0] = ops.history().history(AuditedType.PRODUCT, product.id()).size());
      double historyBaselineMs = Measure.medianMillis(3, 15, i -> baseline.productHistory(
          product.id()));
      row(db, "3. history of an entity with " + revisions[0] + " revisions (median ms)",
          fmt(historyMs), fmt(historyBaselineMs), ratio(historyMs, historyBaselineMs));

      // 5. cold start to the first query, and heap after it (separate JVMs)
      long[] engineStart = coldStart("engine", db);
      long[] jdbcStart = coldStart("jdbc", db);
      row(db, "5. cold start to first query (median ms)", String.valueOf(engineStart[0]),
          String.valueOf(jdbcStart[0]), ratio(engineStart[0], jdbcStart[0]));
      row(db, "5. heap used after start (MB)", fmt(engineStart[1] / 1048576.0),
          fmt(jdbcStart[1] / 1048576.0), ratio(engineStart[1], jdbcStart[1]));

      // 4. page 1 of live products among a large catalog, half soft-deleted
      bulkProducts(connection, db, catalog, fleet.admin().id());
      double pageMs = Measure.medianMillis(3, 15, i ->
          ops.products().list(PageRequest.of(0, 50)));
      double pageBaselineMs = Measure.medianMillis(3, 15, i -> baseline.liveProductsPage(50));
      row(db, "4. page 1 of live products among " + catalog + " (median ms)", fmt(pageMs),
          fmt(pageBaselineMs), ratio(pageMs, pageBaselineMs));
      System.out.println("  query plan of the page query:");
      plan(connection, db).forEach(l -> System.out.println("    " + l));
    }
  }

  private static void bulkProducts(Connection c, BenchDatabase db, int count, UUID actor)
      throws Exception {
    long t0 = System.nanoTime();
    boolean sqlite = db.jdbcUrl.startsWith("jdbc:sqlite:");
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
    boolean sqlite = db.jdbcUrl.startsWith("jdbc:sqlite:");
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

  private static long[] coldStart(String kind, BenchDatabase db) throws Exception {
    List<long[]> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
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
    return runs.get(1);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
  }

  private static String ratio(double engine, double baseline) {
    return baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", engine / baseline);
  }

}
