package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.ReplicaStatus;
import dev.restock.jpa.tenant.JpaTenants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Many tenants on one PostgreSQL server, a schema each ({@link JpaTenants#postgresSchemas}), with
 * and without a read replica serving their reads (issue 19). Usage:
 * {@code java -jar benchmarks/target/benchmarks.jar --tenants [--tenant-count 10]
 * [--machines 2000] [--sales 100000] [--threads 2] [--reads 25] [--replica URL]}.
 *
 * <p>A fresh database holds the catalogue and the tenants' schemas and is dropped afterwards.
 * Each tenant gets its own fleet generated through the engine ({@link FleetGenerator}: machines
 * x 2 cabinets x 40 slots, 300 products, routes of about 28 machines), then creates the engine's
 * order for 20 routes, records {@code sales} sales in batches of 1,000 (as the sales scenario of
 * {@link BenchmarkCommand} does) and runs {@code reads} rounds of four reads (a pick-list
 * preview of a route, the low-stock report of a route, page 1 of the orders, a product's
 * history). A small tenant, {@code warmup}, runs first and is not counted. The baseline is the
 * same workload on one tenant, {@code alone}, run alone on the same engine and database; then
 * the {@code tenant-count} tenants run it {@code threads} at a time, phase by phase (every
 * fleet, then every tenant's orders, sales, reads), and every figure is also given as a ratio to
 * the baseline's. {@code ANALYZE} runs after loading, as autovacuum would later.
 *
 * <p>Afterwards, with nothing writing, the read rounds run again on every tenant, {@code threads}
 * at a time: on the primary, then (with {@code --replica}) on a second engine whose tenant stores
 * send their read-only units to the replica. {@code --replica} names the replica server, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5433/test}; its database name is replaced by this run's. The
 * replica's counters say how many read units it served, how many went to the primary and how
 * many fell back after failing on it. Last, the rows of every tenant's schema are counted, to
 * show each tenant's data stayed in its own schema.
 */
final class TenantBenchmark {
  static final String USAGE = "use --tenants [--tenant-count N] [--machines N] [--sales N]"
      + " [--threads N] [--reads N] [--replica jdbc:postgresql://HOST:PORT/DB]";
  static final String ALONE = "alone";
  static final String WARMUP = "warmup";
  private static final String USER = "postgres";
  private static final int ORDERS = 20;
  private static final int POOL = 2;
  private static final String LOAD_ROW =
      "| %-9s | %-6s | %9s | %11s | %8s | %9s | %8s | %12s | %8s |";
  private static final String READ_ROW =
      "| %-9s | %-6s | %12s | %12s | %15s | %14s | %15s | %10s |";
  private static final String COUNT_ROW = "| %-16s | %8s | %7s | %6s | %8s |";

  /** The command's options. */
  record Options(int tenantCount, int machines, int sales, int threads, int reads,
      String replica) {
    static Options parse(String... args) {
      int tenantCount = 10;
      int machines = 2000;
      int sales = 100_000;
      int threads = 2;
      int reads = 25;
      String replica = null;
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (name.equals("--tenants")) {
          continue;
        }
        if (i + 1 >= args.length) {
          problems.add(name + " needs a value");
          break;
        }
        String value = args[++i];
        try {
          switch (name) {
            case "--tenant-count" -> tenantCount = Integer.parseInt(value);
            case "--machines" -> machines = Integer.parseInt(value);
            case "--sales" -> sales = Integer.parseInt(value);
            case "--threads" -> threads = Integer.parseInt(value);
            case "--reads" -> reads = Integer.parseInt(value);
            case "--replica" -> replica = value;
            default -> problems.add("unknown argument " + name);
          }
        } catch (NumberFormatException e) {
          problems.add(name + " takes a whole number, not '" + value + "'");
        }
      }
      if (tenantCount < 1 || tenantCount > 99) {
        problems.add("--tenant-count must be 1..99, not " + tenantCount);
      }
      if (machines < 1) {
        problems.add("--machines must be at least 1, not " + machines);
      }
      if (threads < 1) {
        problems.add("--threads must be at least 1, not " + threads);
      }
      if (reads < 1) {
        problems.add("--reads must be at least 1, not " + reads);
      }
      // each slot holds at least 2 units and sells 1: no more sales than slots
      if (sales < 1 || (machines >= 1 && (long) sales > machines * 80L)) {
        problems.add("--sales must be 1.." + Math.max(1, machines * 80L)
            + " (one per slot of machines x 80 slots), not " + sales);
      }
      if (replica != null && !replica.matches("jdbc:postgresql://[^/?]+/[A-Za-z0-9_]+")) {
        problems.add("--replica must be jdbc:postgresql://HOST:PORT/DATABASE (no parameters),"
            + " not " + replica);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems) + "; " + USAGE);
      }
      return new Options(tenantCount, machines, sales, threads, reads, replica);
    }

    int routes() {
      return Math.max(1, (int) Math.round(machines * 70 / 2000.0));
    }
  }

  /** One tenant's figures; NaN where a phase did not run. */
  record Figures(String tenant, double fleetSeconds, double orderMedianMs, double salesPerSec,
      double readRoundMs) {}

  /** Read rounds of one tenant on one engine. */
  record Reads(String tenant, double roundMedianMs, double readsPerSec, long replicaServed,
      long primaryServed, long fellBack) {}

  /** Rows counted in one tenant's schema, behind the engine's back. */
  record SchemaCounts(long devices, long slots, long sales, long orders) {}

  /** What a run printed and counted. */
  record Report(List<String> load, List<String> reads, Map<String, SchemaCounts> counts,
      boolean replica) {}

  private final Options options;
  private final String database;
  private final String url;

  private TenantBenchmark(Options options) {
    this.options = options;
    this.database = "restock_bench_tn_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.url = BenchDatabase.POSTGRES.replaceFirst("/[^/]*$", "/" + database);
  }

  static Report run(String... args) throws Exception {
    return new TenantBenchmark(Options.parse(args)).run();
  }

  private Report run() throws Exception {
    Options o = options;
    System.out.printf(Locale.ROOT, "Tenants: %d tenants + 1 alone x %d machines (%d slots), %d"
        + " routes, %d orders and %d sales each, %d read rounds; %d tenants at a time;"
        + " replica %s%n", o.tenantCount(), o.machines(), o.machines() * 80, o.routes(), ORDERS,
        o.sales(), o.reads(), o.threads(), o.replica() == null ? "none" : o.replica());
    System.out.printf("Machine: %d cores, JDK %s, max heap %d MB; database %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, database);
    execute(BenchDatabase.POSTGRES, "create database " + database);
    try {
      return measure();
    } finally {
      execute(BenchDatabase.POSTGRES, "drop database if exists " + database + " with (force)");
    }
  }

  private Report measure() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int t = 1; t <= options.tenantCount(); t++) {
      ids.add(String.format(Locale.ROOT, "t%02d", t));
    }
    Map<String, JpaStore> primaryStores = new ConcurrentHashMap<>();
    List<String> load = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    Map<String, SchemaCounts> counts = new LinkedHashMap<>();
    Map<String, FleetGenerator.Fleet> fleets = new ConcurrentHashMap<>();
    try (Restock engine = RestockEngine.builder().tenants(recording(directory(c -> c
        .withMaxPoolSize(POOL)), primaryStores)).build()) {
      engine.tenants().add(Actor.system(), new NewTenant(WARMUP, "Warm-up, not counted"));
      engine.tenants().add(Actor.system(), new NewTenant(ALONE, "Baseline, run alone"));
      for (String id : ids) {
        engine.tenants().add(Actor.system(), new NewTenant(id, "Operator " + id));
      }

      // the JIT and the server's caches warm up on a small tenant first, not counted
      System.out.println("== " + WARMUP + ": a small tenant first, not counted");
      int warmMachines = Math.min(50, options.machines());
      fleets.put(WARMUP, generate(engine, WARMUP, warmMachines));
      orders(engine, WARMUP, fleets.get(WARMUP));
      sales(engine, WARMUP, fleets.get(WARMUP), Math.min(1000, warmMachines * 80));
      analyze();
      readRounds(WARMUP, session(engine, WARMUP, fleets.get(WARMUP)), fleets.get(WARMUP),
          Math.min(5, options.reads()));

      // the baseline: one tenant alone, phase after phase
      System.out.println("== " + ALONE + ": the workload on one tenant alone (the baseline)");
      Figures alone = alone(engine, fleets);

      // the tenants, threads at a time, phase after phase: every tenant's fleet, then every
      // tenant's orders, then sales, then reads, so each phase's wall time gives its total
      System.out.printf("== %d tenants, %d at a time%n", ids.size(), options.threads());
      Map<String, Double> fleetSeconds = new ConcurrentHashMap<>();
      double fleetWall = wall(() -> inParallel(ids, id -> {
        long t0 = System.nanoTime();
        fleets.put(id, generate(engine, id, options.machines()));
        fleetSeconds.put(id, (System.nanoTime() - t0) / 1e9);
        return null;
      }));
      Map<String, Double> orderMs = new ConcurrentHashMap<>();
      double orderWall = wall(() -> inParallel(ids, id -> orderMs.put(id,
          orders(engine, id, fleets.get(id)))));
      Map<String, Double> salesPerSec = new ConcurrentHashMap<>();
      double salesWall = wall(() -> inParallel(ids, id -> salesPerSec.put(id,
          sales(engine, id, fleets.get(id), options.sales()))));
      analyze();
      Map<String, Double> readMs = new ConcurrentHashMap<>();
      double readWall = wall(() -> inParallel(ids, id -> readMs.put(id, readRounds(id,
          session(engine, id, fleets.get(id)), fleets.get(id), options.reads()))));
      System.out.printf(Locale.ROOT, "  phases' wall time: fleets %.0f s, orders %.1f s, sales"
          + " %.1f s, reads %.1f s%n", fleetWall, orderWall, salesWall, readWall);

      load.add(String.format(Locale.ROOT, LOAD_ROW, "run", "tenant", "fleet (s)",
          "order (ms)", "vs alone", "sales/s", "vs alone", "4 reads (ms)", "vs alone"));
      load.add(loadRow("alone", alone, alone));
      for (String id : ids) {
        load.add(loadRow("parallel", new Figures(id, fleetSeconds.get(id), orderMs.get(id),
            salesPerSec.get(id), readMs.get(id)), alone));
      }
      double totalSalesPerSec = (double) options.sales() * ids.size() / salesWall;
      double totalOrderMs = orderWall * 1000 / (ids.size() * orders(fleets.get(ALONE)));
      double totalReadMs = readWall * 1000 / (ids.size() * options.reads());
      load.add(String.format(Locale.ROOT, LOAD_ROW, "total", ids.size() + "", fmt(fleetWall),
          fmt(totalOrderMs), ratio(totalOrderMs, alone.orderMedianMs()), fmt(totalSalesPerSec),
          ratio(totalSalesPerSec, alone.salesPerSec()), fmt(totalReadMs),
          ratio(totalReadMs, alone.readRoundMs())));

      // reads with nothing writing: the primary, then the replica
      List<String> all = new ArrayList<>(ids);
      all.add(0, ALONE);
      System.out.println("== reads on the primary, nothing writing");
      Reads aloneOnPrimary = reads(engine, ALONE, fleets.get(ALONE), null);
      long r0 = System.nanoTime();
      List<Reads> onPrimary = inParallel(ids, id -> reads(engine, id, fleets.get(id), null));
      double primaryWall = (System.nanoTime() - r0) / 1e9;
      List<Reads> onReplica = null;
      Reads aloneOnReplica = null;
      double replicaWall = Double.NaN;
      if (options.replica() != null) {
        ReplicaReads replicaRun = replicaReads(ids, fleets);
        aloneOnReplica = replicaRun.alone();
        onReplica = replicaRun.tenants();
        replicaWall = replicaRun.wall();
      }
      reads.add(String.format(Locale.ROOT, READ_ROW, "run", "tenant", "primary (ms)",
          "replica (ms)", "replica/primary", "replica served", "to the primary", "fell back"));
      reads.add(readRow("alone", aloneOnPrimary, aloneOnReplica));
      for (int i = 0; i < ids.size(); i++) {
        reads.add(readRow("parallel", onPrimary.get(i),
            onReplica == null ? null : onReplica.get(i)));
      }
      // reads/s of all tenants together: their read units over the phase's wall time
      double primaryTotal = 4.0 * options.reads() * ids.size() / primaryWall;
      double replicaTotal = onReplica == null ? Double.NaN
          : 4.0 * options.reads() * ids.size() / replicaWall;
      reads.add(String.format(Locale.ROOT, READ_ROW, "reads/s", "all", fmt(primaryTotal),
          fmt(replicaTotal), ratio(replicaTotal, primaryTotal),
          onReplica == null ? "-" : onReplica.stream().mapToLong(Reads::replicaServed).sum()
              + "", onReplica == null ? "-" : onReplica.stream()
              .mapToLong(Reads::primaryServed).sum() + "", onReplica == null ? "-"
              : onReplica.stream().mapToLong(Reads::fellBack).sum() + ""));

      for (String id : all) {
        counts.put(id, count("tenant_" + id));
      }
    }
    System.out.println();
    System.out.println("Workload per tenant (order: median of up to " + ORDERS + " route orders;"
        + " 4 reads: median round; vs alone: the tenant's figure over the baseline's):");
    load.forEach(System.out::println);
    System.out.println();
    System.out.println("Reads with nothing writing (median round of 4 reads, ms; replica/"
        + "primary below 1 is faster on the replica; served: read units):");
    reads.forEach(System.out::println);
    if (options.replica() == null) {
      System.out.println("(no --replica: the replica columns are empty)");
    }
    System.out.println();
    System.out.println("Rows in each tenant's schema:");
    List<String> countLines = new ArrayList<>();
    countLines.add(String.format(Locale.ROOT, COUNT_ROW, "schema", "machines", "slots", "sales",
        "orders"));
    counts.forEach((id, c) -> countLines.add(String.format(Locale.ROOT, COUNT_ROW,
        "tenant_" + id, c.devices(), c.slots(), c.sales(), c.orders())));
    countLines.forEach(System.out::println);
    return new Report(load, reads, counts, options.replica() != null);
  }

  /** The read rounds on the replica: the baseline tenant alone, then the tenants. */
  record ReplicaReads(Reads alone, List<Reads> tenants, double wall) {}

  /**
   * A second engine on the same catalogue and schemas whose tenant stores send read-only units
   * to the replica (within 5 s of the primary, checked every second); it writes nothing, so
   * read-your-writes never sends a read to the primary. Waits first until the replica has
   * replayed everything written so far.
   */
  private ReplicaReads replicaReads(List<String> ids, Map<String, FleetGenerator.Fleet> fleets)
      throws Exception {
    String replicaUrl = options.replica().replaceFirst("/[^/]*$", "/" + database);
    System.out.println("== reads with the replica " + replicaUrl);
    awaitReplayed(replicaUrl);
    Map<String, JpaStore> stores = new ConcurrentHashMap<>();
    try (Restock engine = RestockEngine.builder().tenants(recording(directory(c -> c
        .withMaxPoolSize(POOL).withReadReplica(replicaUrl, null, null, Duration.ofSeconds(5))),
        stores)).build()) {
      Reads alone = reads(engine, ALONE, fleets.get(ALONE), stores);
      long t0 = System.nanoTime();
      List<Reads> tenants = inParallel(ids, id -> reads(engine, id, fleets.get(id), stores));
      return new ReplicaReads(alone, tenants, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Polls the replica until it has replayed the primary's WAL position of now (up to 5 min). */
  private void awaitReplayed(String replicaUrl) throws Exception {
    String lsn;
    try (Connection c = DriverManager.getConnection(url, USER, "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select cast(pg_current_wal_lsn() as text)")) {
      r.next();
      lsn = r.getString(1);
    }
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(replicaUrl, USER, "");
        PreparedStatement p = c.prepareStatement(
            "select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), cast(? as pg_lsn)) >= 0")) {
      p.setString(1, lsn);
      while (true) {
        try (ResultSet r = p.executeQuery()) {
          r.next();
          if (r.getBoolean(1)) {
            break;
          }
        }
        if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) {
          throw new IllegalStateException("the replica " + replicaUrl + " did not replay "
              + lsn + " within 5 minutes");
        }
        Thread.sleep(20);
      }
    }
    System.out.printf(Locale.ROOT, "  the replica replayed everything written in %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
  }

  private TenantDirectory directory(UnaryOperator<JpaStoreConfig> perTenant) {
    return JpaTenants.postgresSchemas(url, USER, "", perTenant);
  }

  /** The workload of the baseline tenant, alone: its fleet, route orders, sales, reads. */
  private Figures alone(Restock engine, Map<String, FleetGenerator.Fleet> fleets)
      throws SQLException {
    long t0 = System.nanoTime();
    FleetGenerator.Fleet fleet = generate(engine, ALONE, options.machines());
    double fleetSeconds = (System.nanoTime() - t0) / 1e9;
    fleets.put(ALONE, fleet);
    double orderMs = orders(engine, ALONE, fleet);
    double salesPerSec = sales(engine, ALONE, fleet, options.sales());
    analyze();
    double readMs = readRounds(ALONE, session(engine, ALONE, fleet), fleet, options.reads());
    return new Figures(ALONE, fleetSeconds, orderMs, salesPerSec, readMs);
  }

  /** A tenant's fleet, generated through the engine. */
  private static FleetGenerator.Fleet generate(Restock engine, String id, int machines) {
    return FleetGenerator.generate(engine.tenant(id), machines, 300,
        Math.max(1, (int) Math.round(machines * 70 / 2000.0)), "  " + id + ": ");
  }

  private static RestockSession session(Restock engine, String id, FleetGenerator.Fleet fleet) {
    return engine.tenant(id).as(Actor.user(fleet.admin().id()));
  }

  /** Orders made per tenant: one for each of up to 20 routes. */
  private static int orders(FleetGenerator.Fleet fleet) {
    return Math.min(ORDERS, fleet.routes().size());
  }

  /** The engine's order for each of up to 20 routes; answers the median ms. */
  private static double orders(Restock engine, String id, FleetGenerator.Fleet fleet) {
    RestockSession ops = session(engine, id, fleet);
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < orders(fleet); i++) {
      long t0 = System.nanoTime();
      ops.serviceOrders().create(CreateServiceOrder.forRoute(fleet.routes().get(i).id()));
      times.add((System.nanoTime() - t0) / 1e6);
    }
    double ms = median(times);
    System.out.printf(Locale.ROOT, "  %s: %d route orders, median %.0f ms%n", id, times.size(),
        ms);
    return ms;
  }

  /** {@code sales} sales, one unit each from as many shuffled slots, in batches of 1,000. */
  private static double sales(Restock engine, String id, FleetGenerator.Fleet fleet, int sales) {
    RestockSession ops = session(engine, id, fleet);
    List<UUID> slots = new ArrayList<>(fleet.slotIds());
    Collections.shuffle(slots, new Random(7));
    long t0 = System.nanoTime();
    for (int from = 0; from < sales; from += 1000) {
      List<SaleEntry> entries = new ArrayList<>();
      for (UUID slot : slots.subList(from, Math.min(sales, from + 1000))) {
        entries.add(SaleEntry.sold(slot, 1));
      }
      ops.sales().record(new RecordSales(entries));
      if ((from / 1000) % 20 == 19) {
        System.out.printf("  %s: sales %d/%d%n", id, from + 1000, sales);
      }
    }
    double perSec = sales / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "  %s: %d sales, %.0f sales/s%n", id, sales, perSec);
    return perSec;
  }

  interface Timed {
    void run() throws Exception;
  }

  private static double wall(Timed work) throws Exception {
    long t0 = System.nanoTime();
    work.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Read rounds of a tenant on {@code engine}, with the store's replica counters if any. */
  private Reads reads(Restock engine, String id, FleetGenerator.Fleet fleet,
      Map<String, JpaStore> stores) {
    RestockSession ops = session(engine, id, fleet);
    // one round first, not counted: opens the tenant's store on this engine and warms it
    readRounds(id + " warm-up", ops, fleet, 1);
    ReplicaStatus before = stores == null ? null : stores.get(id).replica().orElseThrow();
    long t0 = System.nanoTime();
    double roundMs = readRounds(id + (stores == null ? " on the primary" : " with the replica"),
        ops, fleet, options.reads());
    double readsPerSec = 4.0 * options.reads() / ((System.nanoTime() - t0) / 1e9);
    if (stores == null) {
      return new Reads(id, roundMs, readsPerSec, -1, -1, -1);
    }
    ReplicaStatus status = stores.get(id).replica().orElseThrow(() ->
        new IllegalStateException("tenant " + id + "'s store has no replica"));
    long served = status.replicaReads() - before.replicaReads();
    long primary = status.primaryReads() - before.primaryReads();
    long fellBack = status.fallbacks() - before.fallbacks();
    System.out.printf("  %s: the replica served %d read units, %d went to the primary, %d fell"
        + " back%n", id, served, primary, fellBack);
    return new Reads(id, roundMs, readsPerSec, served, primary, fellBack);
  }

  /**
   * Median ms of a round of four reads: the pick-list preview of a route, its low-stock report,
   * page 1 of the orders, the history of a product; each round on the next route and product.
   * Prints the median of each kind after {@code label}.
   */
  private static double readRounds(String label, RestockSession ops, FleetGenerator.Fleet fleet,
      int rounds) {
    List<List<Double>> kinds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    List<Double> totals = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      UUID route = fleet.routes().get(i % fleet.routes().size()).id();
      UUID product = fleet.products().get(i % fleet.products().size()).id();
      long t0 = System.nanoTime();
      ops.pickLists().preview(route);
      long t1 = System.nanoTime();
      ops.reports().lowStock(route, 50);
      long t2 = System.nanoTime();
      ops.serviceOrders().list(PageRequest.of(0, 20));
      long t3 = System.nanoTime();
      ops.history().history(AuditedType.PRODUCT, product);
      long t4 = System.nanoTime();
      kinds.get(0).add((t1 - t0) / 1e6);
      kinds.get(1).add((t2 - t1) / 1e6);
      kinds.get(2).add((t3 - t2) / 1e6);
      kinds.get(3).add((t4 - t3) / 1e6);
      totals.add((t4 - t0) / 1e6);
    }
    System.out.printf(Locale.ROOT, "  %s: median ms of pick-list preview %.1f, low-stock report"
        + " %.1f, orders page %.1f, product history %.1f%n", label, median(kinds.get(0)),
        median(kinds.get(1)), median(kinds.get(2)), median(kinds.get(3)));
    return median(totals);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** Runs {@code work} for each id, {@code threads} at a time; answers in the ids' order. */
  private <T> List<T> inParallel(List<String> ids, Work<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (String id : ids) {
        Callable<T> task = () -> work.run(id);
        futures.add(pool.submit(task));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(6, TimeUnit.HOURS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  interface Work<T> {
    T run(String id) throws Exception;
  }

  /** Rows in a tenant's schema ({@code tenant_} and a checked id), read by JDBC. */
  private SchemaCounts count(String schema) throws SQLException {
    if (!schema.matches("tenant_[a-z][a-z0-9_]{0,29}")) {
      throw new IllegalArgumentException("not a tenant schema: " + schema);
    }
    try (Connection c = DriverManager.getConnection(url, USER, "")) {
      return new SchemaCounts(rows(c, schema + ".device"), rows(c, schema + ".slot"),
          rows(c, schema + ".sale"), rows(c, schema + ".service_order"));
    }
  }

  private static long rows(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Fresh planner statistics for the data just loaded, as autovacuum would gather them later:
   * without them the low-stock report's plan on a just-loaded tenant took 11.5 s instead of
   * 30 ms (200 machines), which would measure the missing statistics, not the engine.
   */
  private void analyze() throws SQLException {
    long t0 = System.nanoTime();
    execute(url, "analyze");
    System.out.printf(Locale.ROOT, "  analyze (planner statistics of the loaded data) in %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
  }

  private static void execute(String at, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(at, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code directory}, remembering the JPA store it opens for each tenant. */
  private static TenantDirectory recording(TenantDirectory directory,
      Map<String, JpaStore> stores) {
    return new TenantDirectory() {
      @Override
      public List<Tenant> list() {
        return directory.list();
      }

      @Override
      public Optional<Tenant> find(String id) {
        return directory.find(id);
      }

      @Override
      public Set<String> placements() {
        return directory.placements();
      }

      @Override
      public String defaultPlacement() {
        return directory.defaultPlacement();
      }

      @Override
      public Tenant add(NewTenant tenant, String placement, Instant at, UUID actorId) {
        return directory.add(tenant, placement, at, actorId);
      }

      @Override
      public Tenant retire(String id, Instant at, UUID actorId) {
        return directory.retire(id, at, actorId);
      }

      @Override
      public void discard(String id) {
        directory.discard(id);
      }

      @Override
      public StoreFactory store(Tenant tenant) {
        StoreFactory factory = directory.store(tenant);
        return () -> {
          JpaStore opened = (JpaStore) factory.open();
          stores.put(tenant.id(), opened);
          return opened;
        };
      }

      @Override
      public StoreFactory storeAt(Tenant tenant, String placement) {
        return directory.storeAt(tenant, placement);
      }

      @Override
      public void copy(Tenant tenant, String targetPlacement) {
        directory.copy(tenant, targetPlacement);
      }

      @Override
      public Tenant place(String id, String placement) {
        return directory.place(id, placement);
      }

      @Override
      public TenantEvent record(TenantEvent event) {
        return directory.record(event);
      }

      @Override
      public List<TenantEvent> events() {
        return directory.events();
      }

      @Override
      public void close() {
        directory.close();
      }
    };
  }

  private static String loadRow(String run, Figures f, Figures alone) {
    return String.format(Locale.ROOT, LOAD_ROW, run, f.tenant(), fmt(f.fleetSeconds()),
        fmt(f.orderMedianMs()), ratio(f.orderMedianMs(), alone.orderMedianMs()),
        fmt(f.salesPerSec()), ratio(f.salesPerSec(), alone.salesPerSec()),
        fmt(f.readRoundMs()), ratio(f.readRoundMs(), alone.readRoundMs()));
  }

  private static String readRow(String run, Reads primary, Reads replica) {
    return String.format(Locale.ROOT, READ_ROW, run, primary.tenant(),
        fmt(primary.roundMedianMs()), replica == null ? "-" : fmt(replica.roundMedianMs()),
        replica == null ? "-" : ratio(replica.roundMedianMs(), primary.roundMedianMs()),
        replica == null ? "-" : replica.replicaServed() + "",
        replica == null ? "-" : replica.primaryServed() + "",
        replica == null ? "-" : replica.fellBack() + "");
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT,
        v >= 100 || v == Math.rint(v) ? "%.0f" : "%.2f", v);
  }

  private static String ratio(double value, double baseline) {
    return Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0 ? "-"
        : String.format(Locale.ROOT, "%.2fx", value / baseline);
  }
}
