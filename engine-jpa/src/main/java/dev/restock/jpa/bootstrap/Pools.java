package dev.restock.jpa.bootstrap;

import dev.restock.jpa.config.Secrets;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.ReadReplica;
import dev.restock.jpa.dialect.StoreDialect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import dev.restock.jpa.config.UnsuitableDataSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connection pools. A database with a single writer (SQLite,
 * {@link StoreDialect#singleWriter()}) gets two: a single-connection write pool whose
 * transactions begin IMMEDIATE (so writers queue for the lock up front instead of deadlocking on
 * an upgrade), and a read pool whose transactions begin DEFERRED (so readers never block behind
 * the write lock). Other databases use one pool for both.
 *
 * <p>On the host's pool ({@link #host}) reads and writes share it, and closing leaves it open:
 * {@code owned} is false.
 */
public record Pools(DataSource write, DataSource read, boolean owned) implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

  /** Pools of the store's own, closed with it. */
  public Pools(HikariDataSource write, HikariDataSource read) {
    this(write, read, true);
  }

  /**
   * The host's pool, checked first: the settings the dialect requires must be in force on its
   * connections ({@link StoreDialect#hostPoolProblems}; the SQL functions the engine needs are
   * added to each connection it takes), and on a database with schemas a configured schema must
   * be the connections' current one.
   *
   * @throws UnsuitableDataSourceException naming every setting that is wrong and how to set it
   */
  public static Pools host(JpaStoreConfig config) {
    StoreDialect dialect = config.database().dialect();
    DataSource host = dialect.onHostPool(config.dataSource());
    List<String> problems = new ArrayList<>();
    try (Connection c = host.getConnection()) {
      problems.addAll(dialect.hostPoolProblems(c));
      dialect.hostPoolWarnings(c).forEach(w -> LOG.warn("the host's {} pool: {}",
          dialect.displayName(), w));
      if (problems.isEmpty() && dialect.supportsSchemas() && config.schema() != null) {
        String current = c.getSchema();
        if (!config.schema().equalsIgnoreCase(current)) {
          problems.add("the connections are on schema " + current + ", not " + config.schema());
          throw new UnsuitableDataSourceException("the host's pool is not on the schema "
              + config.schema() + " configured for Restock: " + problems.get(0) + ". Set the "
              + "pool's schema (HikariCP schema, or currentSchema= in the PostgreSQL URL), or "
              + "configure no schema so that Restock uses the connections' own", problems);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the settings of the host's "
          + dialect.displayName() + " pool: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new UnsuitableDataSourceException("the host's " + dialect.displayName() + " pool "
          + "lacks settings Restock needs on every connection: " + String.join("; ", problems)
          + ". " + dialect.hostPoolAdvice(), problems);
    }
    return new Pools(host, host, false);
  }

  public static Pools open(JpaStoreConfig config) {
    StoreDialect dialect = config.database().dialect();
    if (dialect.singleWriter()) {
      HikariDataSource write = dialectPool(config, true, 1, "restock-" + dialect.id() + "-write");
      try {
        HikariDataSource read = dialectPool(config, false, config.maxPoolSize(),
            "restock-" + dialect.id() + "-read");
        Pools pools = new Pools(write, read);
        try {
          pools.verify(dialect);
        } catch (RuntimeException e) {
          pools.close();
          throw e;
        }
        return pools;
      } catch (RuntimeException e) {
        write.close();
        throw e;
      }
    }
    HikariConfig hc = new HikariConfig();
    // a password in the URL goes to the driver as a property, so the URL it reports has none
    Secrets.UrlPassword split = Secrets.splitPassword(config.jdbcUrl());
    hc.setJdbcUrl(split.url());
    hc.setUsername(config.user());
    hc.setPassword(split.password() != null ? split.password() : config.password());
    hc.setMaximumPoolSize(config.maxPoolSize());
    hc.setPoolName("restock-" + config.database().name().toLowerCase(java.util.Locale.ROOT));
    hc.setConnectionTimeout(config.connectionTimeout().toMillis());
    hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
    if (config.schema() != null) {
      hc.setSchema(config.schema());
    }
    HikariDataSource pool = new HikariDataSource(hc);
    try (Connection c = pool.getConnection()) {
      dialect.applyDatabaseSettings(c).forEach(LOG::warn);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw new IllegalStateException("cannot apply the settings Restock needs to "
          + Secrets.mask(config.jdbcUrl()) + ": " + e.getMessage(), e);
    }
    return new Pools(pool, pool);
  }

  /** The longest a read waits for a replica connection before it runs on the primary. */
  static final long REPLICA_CONNECTION_TIMEOUT_MS = 1000;

  /**
   * A pool of the store's own on its read replica ({@link JpaStoreConfig#readReplica()}), with
   * the primary's user and password where the replica names none, and the store's schema. It
   * opens even while the replica is down (reads then go to the primary), and waits at most
   * {@value #REPLICA_CONNECTION_TIMEOUT_MS} ms for a connection, so that a replica that stopped
   * or is saturated sends reads to the primary rather than hold them up.
   */
  public static HikariDataSource replica(JpaStoreConfig config) {
    ReadReplica replica = config.readReplica();
    if (replica == null) {
      throw new IllegalArgumentException("no read replica configured");
    }
    HikariConfig hc = new HikariConfig();
    Secrets.UrlPassword split = Secrets.splitPassword(replica.jdbcUrl());
    hc.setJdbcUrl(split.url());
    hc.setUsername(replica.user() != null ? replica.user() : config.user());
    hc.setPassword(split.password() != null ? split.password()
        : replica.password() != null ? replica.password()
        : replica.user() != null ? null : config.password());
    hc.setMaximumPoolSize(config.maxPoolSize());
    hc.setPoolName("restock-" + config.database().name().toLowerCase(java.util.Locale.ROOT)
        + "-replica");
    hc.setConnectionTimeout(Math.min(REPLICA_CONNECTION_TIMEOUT_MS,
        config.connectionTimeout().toMillis()));
    hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
    hc.setInitializationFailTimeout(-1);
    hc.setReadOnly(true);
    if (config.schema() != null) {
      hc.setSchema(config.schema());
    }
    return new HikariDataSource(hc);
  }

  /**
   * How long opening a single-writer database's pool keeps trying while another process holds
   * the file's lock: a new SQLite connection sets its journal mode before its busy timeout
   * applies, so an engine starting while another one migrates or writes is told "database is
   * locked" at once. Nothing has been done yet, so trying again is safe.
   */
  static final long OPEN_BUSY_RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  private static HikariDataSource dialectPool(
      JpaStoreConfig config, boolean writes, int size, String name) {
    long deadline = System.nanoTime() + OPEN_BUSY_RETRY_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        return dialectPoolOnce(config, writes, size, name);
      } catch (RuntimeException e) {
        if (!busy(e) || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(Math.min(500, 25L * attempt)
              + java.util.concurrent.ThreadLocalRandom.current().nextLong(25));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  private static HikariDataSource dialectPoolOnce(
      JpaStoreConfig config, boolean writes, int size, String name) {
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(config.database().dialect().connectionSource(config.jdbcUrl(), writes)
        .orElseThrow());
    hc.setMaximumPoolSize(size);
    hc.setPoolName(name);
    hc.setConnectionTimeout(config.connectionTimeout().toMillis());
    hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
    return new HikariDataSource(hc);
  }

  /**
   * Reads each required setting back from a connection of each pool and fails, naming every one
   * that is not in force, rather than run with weaker guarantees than promised.
   */
  public void verify(StoreDialect dialect) {
    List<String> problems = connectionProblems(dialect, List.of(write, read));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(dialect.displayName() + " settings not in force: "
          + String.join("; ", problems)
          + ". Check that the database file is on a local file system that supports WAL.");
    }
  }

  /**
   * Every setting {@code dialect} requires that a connection of these pools does not have
   * ({@link StoreDialect#connectionProblems}), each prefixed with its pool's name.
   */
  public static List<String> connectionProblems(StoreDialect dialect,
      List<? extends DataSource> pools) {
    List<String> problems = new ArrayList<>();
    for (DataSource pool : pools) {
      try (Connection c = pool.getConnection()) {
        for (String problem : dialect.connectionProblems(c)) {
          problems.add(name(pool) + ": " + problem);
        }
      } catch (SQLException e) {
        problems.add(name(pool) + ": cannot read settings: " + e.getMessage());
      }
    }
    return problems;
  }

  private static String name(DataSource pool) {
    return pool instanceof HikariDataSource hikari ? hikari.getPoolName() : pool.toString();
  }

  /** Whether reads use a pool of their own. */
  public boolean separateReadPool() {
    return read != write;
  }

  /** Closes pools of the store's own; the host's pool stays open. */
  @Override
  public void close() {
    if (!owned) {
      return;
    }
    if (read != write) {
      ((HikariDataSource) read).close();
    }
    ((HikariDataSource) write).close();
  }
}
