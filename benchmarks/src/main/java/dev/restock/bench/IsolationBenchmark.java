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
import dev.restock.api.ops.Statistics;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same concurrent workload on PostgreSQL at READ COMMITTED (the server's default, what
 * Restock runs at) and at SERIALIZABLE (CockroachDB's default), in one run, for
 * {@code docs/scale-out.md}: {@code threads} threads each make {@code rounds} rounds of four
 * calls that meet on the same rows (an order for one route, a receipt and an adjustment of one
 * product's stock, a sale from one slot). Each isolation runs on a fresh schema of its own,
 * alternately, {@code repeat} times; the connections get the level through the JDBC URL's
 * startup {@code options}, so the server's defaults are untouched. Usage:
 * {@code java -jar benchmarks/target/benchmarks.jar --isolation [--threads 8] [--rounds 25]
 * [--attempts 100] [--max-pause-ms 1000] [--repeat 3] [--warmup 1]}: {@code warmup} pairs of
 * runs first, not counted (the JIT's and the server's caches warm up), then {@code repeat}
 * counted pairs; each call runs at most {@code attempts}
 * times, pausing from 10 ms doubling up to {@code max-pause-ms} between attempts (the engine's
 * default is 5 attempts up to 200 ms, which gives up on many calls under SERIALIZABLE). The
 * table's calls, failed, retries per 100 calls and gave-up counts are over all counted runs of an
 * isolation; done/s (calls that succeeded per second) is its median run's.
 */
final class IsolationBenchmark {
  static final String USAGE = "use --isolation [--threads N] [--rounds N] [--attempts N]"
      + " [--max-pause-ms N] [--repeat N] [--warmup N]";
  private static final String ROW = "| %-14s | %5d | %6d | %16.1f | %17.1f | %7d | %13s | %13s |";
  private static final String HEADER = "| %-14s | %5s | %6s | %16s | %17s | %7s | %13s | %13s |";

  /** The command's options. */
  record Options(int threads, int rounds, int attempts, int maxPauseMs, int repeat, int warmup) {
    static Options parse(String... args) {
      int threads = 8;
      int rounds = 25;
      int attempts = 100;
      int maxPauseMs = 1000;
      int repeat = 3;
      int warmup = 1;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--isolation")) {
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
        }
        int value = Integer.parseInt(args[++i]);
        switch (args[i - 1]) {
          case "--threads" -> threads = value;
          case "--rounds" -> rounds = value;
          case "--attempts" -> attempts = value;
          case "--max-pause-ms" -> maxPauseMs = value;
          case "--repeat" -> repeat = value;
          case "--warmup" -> warmup = value;
          default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]
              + "; " + USAGE);
        }
      }
      if (threads < 1 || rounds < 1 || attempts < 1 || attempts > 100 || repeat < 1
          || maxPauseMs < 10 || maxPauseMs > 60_000 || warmup < 0) {
        throw new IllegalArgumentException("threads, rounds and repeat must be at least 1,"
            + " attempts 1..100, max-pause-ms 10..60000, warmup at least 0; " + USAGE);
      }
      if ((long) threads * rounds > 999) {
        throw new IllegalArgumentException("threads x rounds sales must fit the slot's 999"
            + " units, not " + (long) threads * rounds + "; " + USAGE);
      }
      return new Options(threads, rounds, attempts, maxPauseMs, repeat, warmup);
    }
  }

  /** One run's outcome. */
  record Result(String isolation, int calls, double seconds, long retries, long gaveUp,
      long failed) {
    /** Calls that succeeded, per second: a call that gave up is not throughput. */
    double callsPerSecond() {
      return (calls - failed) / seconds;
    }

  }

  /** Retries per 100 calls over all of {@code runs}. */
  private static double retriesPer100(List<Result> runs) {
    return 100.0 * runs.stream().mapToLong(Result::retries).sum()
        / runs.stream().mapToInt(Result::calls).sum();
  }

  private IsolationBenchmark() {}

  static List<String> run(String... args) throws Exception {
    Options options = Options.parse(args);
    System.out.printf(Locale.ROOT, "Isolation: %d threads x %d rounds x 4 calls on one route, product and"
        + " slot; %d attempts per call (pauses 10..%d ms); %d runs each, alternating, after %d"
        + " warm-up pairs%n", options.threads(), options.rounds(), options.attempts(),
        options.maxPauseMs(), options.repeat(), options.warmup());
    System.out.printf("Machine: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    List<Result> committed = new ArrayList<>();
    List<Result> serializable = new ArrayList<>();
    for (int w = 0; w < options.warmup(); w++) {
      System.out.println("  warm-up, not counted:");
      once("read committed", options);
      once("serializable", options);
    }
    for (int r = 0; r < options.repeat(); r++) {
      committed.add(once("read committed", options));
      serializable.add(once("serializable", options));
    }
    List<String> table = new ArrayList<>();
    table.add(String.format(Locale.ROOT, HEADER, "isolation", "calls", "failed",
        "done/s (median)", "retries/100 calls", "gave up", "done/s vs RC", "retries vs RC"));
    double rcDone = median(committed).callsPerSecond();
    double rcRetries = retriesPer100(committed);
    for (List<Result> runs : List.of(committed, serializable)) {
      double done = median(runs).callsPerSecond();
      double retries = retriesPer100(runs);
      table.add(String.format(Locale.ROOT, ROW, runs.get(0).isolation(),
          runs.stream().mapToInt(Result::calls).sum(),
          runs.stream().mapToLong(Result::failed).sum(), done, retries,
          runs.stream().mapToLong(Result::gaveUp).sum(),
          String.format(Locale.ROOT, "%.2f", done / rcDone),
          rcRetries > 0 ? String.format(Locale.ROOT, "%.1fx", retries / rcRetries)
              : retries == 0 ? "-" : "RC: none"));
    }
    System.out.println();
    table.forEach(System.out::println);
    return table;
  }

  /** The run of median throughput. */
  private static Result median(List<Result> runs) {
    List<Result> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> Double.compare(a.callsPerSecond(), b.callsPerSecond()));
    return sorted.get(sorted.size() / 2);
  }

  private static Result once(String isolation, Options options) throws Exception {
    String schema = "bench_iso_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    // startup options: "-c default_transaction_isolation=<level>", a space in the value escaped
    String level = isolation.replace(" ", "%5C%20");
    String url = BenchDatabase.POSTGRES + "?options=-c%20default_transaction_isolation%3D" + level;
    JpaStoreConfig config = JpaStoreConfig.of(url, "postgres", "").withSchema(schema);
    try (Restock engine = RestockEngine.builder().store(JpaStores.of(config))
        .conflictRetry(options.attempts(), Duration.ofMillis(10),
            Duration.ofMillis(options.maxPauseMs()))
        .build()) {
      check(url, isolation);
      Workload work = Workload.create(engine);
      Statistics before = engine.statistics();
      AtomicLong failed = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(options.threads());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < options.threads(); t++) {
        int thread = t;
        workers.add(pool.submit(() -> {
          start.await();
          for (int round = 0; round < options.rounds(); round++) {
            for (int k = 0; k < 4; k++) {
              try {
                work.call((k + thread) % 4);
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      for (Future<?> w : workers) {
        w.get(30, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      Statistics after = engine.statistics();
      Result result = new Result(isolation, options.threads() * options.rounds() * 4, seconds,
          after.retries() - before.retries(),
          after.retriesExhausted() - before.retriesExhausted(), failed.get());
      System.out.printf(Locale.ROOT, "  %-15s %d calls in %.2f s: %.1f done/s, %d retries,"
          + " %d gave up, %d failed%n", isolation, result.calls(), seconds,
          result.callsPerSecond(), result.retries(), result.gaveUp(), result.failed());
      return result;
    } finally {
      try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /** Fails unless a connection opened with {@code url} runs at {@code isolation}. */
  private static void check(String url, String isolation) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show transaction_isolation")) {
      r.next();
      if (!r.getString(1).equals(isolation)) {
        throw new IllegalStateException("connections run at " + r.getString(1) + ", not "
            + isolation);
      }
    }
  }

  /** One route, one machine of one cabinet with cola in A1, its stock; an administrator. */
  private record Workload(RestockSession ops, UUID route, UUID cola, UUID slot) {
    static Workload create(Restock engine) {
      User admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
      RestockSession ops = engine.as(Actor.user(admin.id()));
      Location depot = ops.locations().create(new CreateLocation("Depot", null));
      DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Single", 1));
      CabinetType ambient = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
      Product cola = ops.products().create(
          new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
      ops.stock().receive(cola.id(), 100_000, "opening stock");
      Route route = ops.routes().create(new CreateRoute("R1", "Route 1", 7));
      DeviceSetup setup = ops.devices().setUp(new SetUpDevice(new CreateDevice("M1", "SN-M1",
          depot.id(), route.id(), type.id(), List.of(new CabinetSpec(1, ambient.id(), 3, 3))),
          List.of(new CabinetPlanogram(1, "M1 #1", List.of(
              new SlotSpec("A1", cola.id(), 999, 999, 999, null))))));
      return new Workload(ops, route.id(), cola.id(),
          setup.planograms().get(0).slots().get(0).id());
    }

    void call(int kind) {
      switch (kind) {
        case 0 -> ops.serviceOrders().create(CreateServiceOrder.forRoute(route));
        case 1 -> ops.stock().receive(cola, 3, "delivery");
        case 2 -> ops.stock().adjust(cola, -1, "count");
        default -> ops.sales().record(new RecordSales(List.of(SaleEntry.sold(slot, 1))));
      }
    }
  }
}
