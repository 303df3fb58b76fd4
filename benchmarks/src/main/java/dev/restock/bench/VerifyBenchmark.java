package dev.restock.bench;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.audit.RevisionSealing;
import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * History verification and the cost of sealing. Usage ({@code java -cp
 * benchmarks/target/benchmarks.jar dev.restock.bench.VerifyBenchmark ...}):
 * <ul>
 *   <li>{@code verify --revisions N [--db sqlite|postgresql] [--via engine|bulk]}: writes N
 *       revisions, then verifies the whole history with {@code audit verify}'s use case in a
 *       child JVM limited to {@code -Xmx256m}, and prints revisions/s and the child's peak heap.
 *       {@code --via engine} (the default up to 20,000) writes each revision as a product price
 *       update through the engine, one unit of work each; {@code --via bulk} writes revisions and
 *       their audit rows through JDBC and seals each with the engine's own sealing code
 *       ({@link RevisionSealing}), which is how a million revisions are written in minutes.</li>
 *   <li>{@code writers [--threads T] [--updates U] [--db postgresql|sqlite]}: T threads each
 *       update the price of a product of their own U times, one unit of work per update, against
 *       one thread doing the same; and raw JDBC doing the same updates without history. Every
 *       sealed commit holds the single chain-head lock from seal to commit, so the engine's
 *       figure shows how far commits are serialised.</li>
 * </ul>
 */
public final class VerifyBenchmark {
  private static final int ENGINE_WRITES_UP_TO = 20_000;
  /** Revisions per transaction of the bulk generator. */
  private static final int BULK_COMMIT = 5_000;
  /** The child's result line: intact or BROKEN, revisions, seconds, revisions/s, heap. */
  static final String RESULT = "verify: %s, %d revisions checked in %.1f s: %.0f revisions/s;"
      + " peak heap %d MB of max %d MB";

  private VerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("guice_bytecode_gen_option", "DISABLED");
    if (args.length == 0) {
      throw new IllegalArgumentException("use: verify --revisions N [--db D] [--via engine|bulk]"
          + " | writers [--threads T] [--updates U] [--db D]");
    }
    String mode = args[0];
    int revisions = 5_000;
    int threads = 8;
    int updates = 200;
    String db = mode.equals("writers") ? "postgresql" : "sqlite";
    String via = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--revisions" -> revisions = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--updates" -> updates = Integer.parseInt(args[++i]);
        case "--db" -> db = args[++i];
        case "--via" -> via = args[++i];
        case "--child" -> {
          // internal: the child JVM of 'verify'; URL, user (or -), schema (or -)
          child(args[i + 1], args[i + 2], args[i + 3]);
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.printf("Machine: %d cores, JDK %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (BenchDatabase database = db.equals("sqlite")
        ? BenchDatabase.sqlite(Path.of("target", "bench")) : BenchDatabase.postgres()) {
      switch (mode) {
        case "verify" -> verify(database, revisions, via != null ? via
            : revisions <= ENGINE_WRITES_UP_TO ? "engine" : "bulk").lines()
            .forEach(System.out::println);
        case "writers" -> writers(database, threads, updates);
        default -> throw new IllegalArgumentException("unknown mode " + mode
            + "; use verify or writers");
      }
    }
  }

  // ---- verify

  /**
   * Writes {@code revisions} revisions (the first two: an administrator and a product) and
   * verifies them in a child JVM with {@code -Xmx256m}.
   *
   * @return what the child printed; its last line is {@link #RESULT} with the figures
   */
  static String verify(BenchDatabase db, int revisions, String via) throws Exception {
    long started = System.nanoTime();
    try (Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      User admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@bench.example", Role.ADMIN));
      RestockSession ops = engine.as(Actor.user(admin.id()).withReason("verify benchmark"));
      Product product = ops.products().create(new CreateProduct("SKU-V", "Verified", "Bench",
          new BigDecimal("1.00"), 6));
      switch (via) {
        case "engine" -> {
          for (int i = 2; i < revisions; i++) {
            ops.products().update(product.id(), new UpdateProduct(null, null, null,
                BigDecimal.valueOf(100 + i % 900, 2), null, null));
          }
        }
        case "bulk" -> bulk(db, revisions - 2, admin.id(), product.id());
        default -> throw new IllegalArgumentException("--via engine or bulk, not " + via);
      }
    }
    System.out.printf("%s: %d revisions written (%s) in %.0f s%n", db.name, revisions, via,
        (System.nanoTime() - started) / 1e9);

    String[] connect = db.connectArgs().split(" ");
    String url = connect[0].replaceFirst("\\?currentSchema=.*", "");
    String schema = connect[0].contains("currentSchema=")
        ? connect[0].replaceFirst(".*currentSchema=", "") : "-";
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        VerifyBenchmark.class.getName(), "verify", "--child", url, connect[1], schema)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IOException("verification (-Xmx256m) failed with exit code " + exit + ": "
          + out);
    }
    return out;
  }

  /**
   * Writes {@code count} product revisions and their audit rows through JDBC, sealing each with
   * the engine's sealing code, {@value #BULK_COMMIT} revisions per transaction.
   */
  private static void bulk(BenchDatabase db, int count, UUID actor, UUID product)
      throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement revision = c.prepareStatement("insert into audit_revision"
          + " (revision_time, actor_id, action, reason) values (?, ?, 'product.update',"
          + " 'verify benchmark')", Statement.RETURN_GENERATED_KEYS);
          PreparedStatement row = c.prepareStatement("insert into product_aud (rev, id,"
              + " revtype, sku, name, category, price, case_pack, active) values"
              + " (?, ?, 1, 'SKU-V', 'Verified', 'Bench', ?, 6, true)")) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
          revision.setLong(1, System.currentTimeMillis());
          revision.setString(2, actor.toString());
          revision.executeUpdate();
          long id;
          try (ResultSet keys = revision.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
          row.setLong(1, id);
          row.setString(2, product.toString());
          row.setBigDecimal(3, BigDecimal.valueOf(100 + i % 900, 2));
          row.executeUpdate();
          RevisionSealing.seal(c, id, List.of("product_aud"));
          if (i % BULK_COMMIT == BULK_COMMIT - 1) {
            c.commit();
          }
          if (i % 100_000 == 99_999) {
            System.out.printf("  bulk: %d/%d revisions (%.0f s)%n", i + 1, count,
                (System.nanoTime() - t0) / 1e9);
          }
        }
      }
      c.commit();
    }
  }

  /** The child JVM: verify everything, print throughput and peak heap. */
  private static void child(String url, String user, String schema) {
    JpaStoreConfig config = JpaStoreConfig.of(url, user.equals("-") ? null : user,
        user.equals("-") ? null : "");
    if (!schema.equals("-")) {
      config = config.withSchema(schema);
    }
    try (Restock engine = RestockEngine.builder().store(JpaStores.of(config)).build()) {
      long t0 = System.nanoTime();
      IntegrityReport report = engine.as(Actor.system()).history().verify(IntegrityCheck.internal());
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf(Locale.ROOT, RESULT + "%n",
          report.intact() ? "intact" : "BROKEN " + report.chain().problems() + report.breaks(),
          report.chain().checked(), seconds, report.chain().checked() / seconds, peak >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
      if (!report.intact()) {
        System.exit(4);
      }
    }
  }

  // ---- concurrent writers

  private static void writers(BenchDatabase db, int threads, int updates) throws Exception {
    try (Restock engine = RestockEngine.builder().store(db.factory()).build();
        Connection setup = db.connect()) {
      User admin = engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@bench.example", Role.ADMIN));
      RestockSession ops = engine.as(Actor.user(admin.id()).withReason("writers benchmark"));
      List<Product> products = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        products.add(ops.products().create(new CreateProduct("SKU-W" + t, "Writer " + t,
            "Bench", new BigDecimal("1.00"), 6)));
      }
      // warm-up
      run(1, updates / 4, (t, i) -> ops.products().update(products.get(t).id(),
          new UpdateProduct(null, null, null, price(i), null, null)));
      double engineOne = run(1, updates, (t, i) -> ops.products().update(products.get(t).id(),
          new UpdateProduct(null, null, null, price(i), null, null)));
      double engineMany = run(threads, updates, (t, i) -> ops.products().update(
          products.get(t).id(), new UpdateProduct(null, null, null, price(i), null, null)));

      List<Connection> connections = new ArrayList<>();
      List<PreparedStatement> statements = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Connection c = db.connect();
        c.setAutoCommit(false);
        connections.add(c);
        statements.add(c.prepareStatement("update product set price = ?, version = version + 1"
            + " where id = ?"));
      }
      Update raw = (t, i) -> {
        PreparedStatement s = statements.get(t);
        s.setBigDecimal(1, price(i));
        s.setString(2, products.get(t).id().toString());
        s.executeUpdate();
        connections.get(t).commit();
      };
      run(1, updates / 4, raw);
      double rawOne = run(1, updates, raw);
      double rawMany = run(threads, updates, raw);
      for (Connection c : connections) {
        c.close();
      }
      System.out.println();
      System.out.printf("| %-10s | %-36s | %12s | %12s | %8s |%n", "database", "writers",
          "engine", "raw JDBC", "ratio");
      System.out.printf("| %-10s | 1 thread (updates/s)                 | %12.0f | %12.0f |"
          + " %7.2fx |%n", db.name, engineOne, rawOne, engineOne / rawOne);
      System.out.printf("| %-10s | %-36s | %12.0f | %12.0f | %7.2fx |%n", db.name,
          threads + " threads (updates/s)", engineMany, rawMany, engineMany / rawMany);
      System.out.printf("| %-10s | %-36s | %11.2fx | %11.2fx |          |%n", db.name,
          "scaling " + threads + " threads / 1 thread", engineMany / engineOne,
          rawMany / rawOne);
    }
  }

  private static BigDecimal price(int i) {
    return BigDecimal.valueOf(100 + i % 900, 2);
  }

  private interface Update {
    void run(int thread, int iteration) throws Exception;
  }

  /** Updates per second of {@code threads} threads, each doing {@code updates} updates. */
  private static double run(int threads, int updates, Update update) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < updates; i++) {
            update.run(thread, i);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return (double) threads * updates / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
