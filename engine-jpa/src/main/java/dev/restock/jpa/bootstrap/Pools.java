package dev.restock.jpa.bootstrap;

import dev.restock.jpa.config.Secrets;

import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.JpaStoreConfig;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import dev.restock.jpa.config.UnsuitableDataSourceException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The store's connection pools. SQLite gets two: a single-connection write pool whose
 * transactions begin IMMEDIATE (so writers queue for the lock up front instead of deadlocking on
 * an upgrade), and a read pool whose transactions begin DEFERRED (so readers never block behind
 * the write lock). Other databases use one pool for both.
 *
 * <p>On the host's pool ({@link #host}) reads and writes share it, and closing leaves it open:
 * {@code owned} is false.
 */
public record Pools(DataSource write, DataSource read, boolean owned) implements AutoCloseable {
  public static final int SQLITE_BUSY_TIMEOUT_MS = 5000;

  /** Pools of the store's own, closed with it. */
  public Pools(HikariDataSource write, HikariDataSource read) {
    this(write, read, true);
  }

  /**
   * The host's pool, checked first: on SQLite the engine's settings must be in force on its
   * connections (the SQL functions the engine needs are added to each connection it takes), on
   * PostgreSQL a configured schema must be the connections' current one.
   *
   * @throws UnsuitableDataSourceException naming every setting that is wrong and how to set it
   */
  public static Pools host(JpaStoreConfig config) {
    DataSource host = config.dataSource();
    List<String> problems = new ArrayList<>();
    if (config.database() == Database.SQLITE) {
      host = SqliteFunctions.onEveryConnection(host);
      try (Connection c = host.getConnection(); Statement s = c.createStatement()) {
        hostSqliteProblems(c, s, problems);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the settings of the host's SQLite pool: "
            + e.getMessage(), e);
      }
      if (!problems.isEmpty()) {
        throw new UnsuitableDataSourceException("the host's SQLite pool lacks settings Restock "
            + "needs on every connection: " + String.join("; ", problems) + ". Set them as "
            + "driver properties of the pool (HikariCP: dataSourceProperties, in Spring Boot "
            + "spring.datasource.hikari.data-source-properties.<name>=<value>; or on the "
            + "driver's SQLiteConfig, or as parameters of the jdbc:sqlite: URL)", problems);
      }
    } else if (config.schema() != null) {
      try (Connection c = host.getConnection()) {
        String current = c.getSchema();
        if (!config.schema().equalsIgnoreCase(current)) {
          problems.add("the connections are on schema " + current + ", not " + config.schema());
          throw new UnsuitableDataSourceException("the host's pool is not on the schema "
              + config.schema() + " configured for Restock: " + problems.get(0) + ". Set the "
              + "pool's schema (HikariCP schema, or currentSchema= in the PostgreSQL URL), or "
              + "configure no schema so that Restock uses the connections' own", problems);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the schema of the host's pool: "
            + e.getMessage(), e);
      }
    }
    return new Pools(host, host, false);
  }

  private static void hostSqliteProblems(Connection c, Statement s, List<String> problems)
      throws SQLException {
    String journal = pragma(s, "journal_mode");
    if (!"wal".equalsIgnoreCase(journal)) {
      problems.add("journal_mode is " + journal + ", must be WAL (journal_mode=WAL)");
    }
    String synchronous = pragma(s, "synchronous");
    if (!"1".equals(synchronous)) {
      problems.add("synchronous is " + synchronous + " (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA), must "
          + "be NORMAL (synchronous=NORMAL)");
    }
    String foreignKeys = pragma(s, "foreign_keys");
    if (!"1".equals(foreignKeys)) {
      problems.add("foreign_keys is off, must be on (foreign_keys=true)");
    }
    String busy = pragma(s, "busy_timeout");
    if (busy == null || Long.parseLong(busy) < SQLITE_BUSY_TIMEOUT_MS) {
      problems.add("busy_timeout is " + busy + " ms, must be at least " + SQLITE_BUSY_TIMEOUT_MS
          + " (busy_timeout=" + SQLITE_BUSY_TIMEOUT_MS + ")");
    }
    if (!c.isWrapperFor(SQLiteConnection.class)) {
      problems.add("the pool's connections are not sqlite-jdbc's, so their transaction mode "
          + "cannot be checked; use org.xerial:sqlite-jdbc");
      return;
    }
    SQLiteConfig.TransactionMode mode = c.unwrap(SQLiteConnection.class).getConnectionConfig()
        .getTransactionMode();
    if (mode != SQLiteConfig.TransactionMode.IMMEDIATE) {
      problems.add("transactions begin " + mode + ", must begin IMMEDIATE so that writers queue "
          + "for the lock up front (transaction_mode=IMMEDIATE)");
    }
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public static Pools open(JpaStoreConfig config) {
    if (config.database() == Database.SQLITE) {
      HikariDataSource write = sqlite(config, SQLiteConfig.TransactionMode.IMMEDIATE, 1,
          "restock-sqlite-write");
      try {
        HikariDataSource read = sqlite(config, SQLiteConfig.TransactionMode.DEFERRED,
            config.maxPoolSize(), "restock-sqlite-read");
        Pools pools = new Pools(write, read);
        try {
          pools.verifySqlite();
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
    return new Pools(pool, pool);
  }

  private static HikariDataSource sqlite(
      JpaStoreConfig config, SQLiteConfig.TransactionMode mode, int size, String name) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    sqlite.setTransactionMode(mode);
    SQLiteDataSource source = new SqliteFunctions(sqlite);
    source.setUrl(config.jdbcUrl());
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(source);
    hc.setMaximumPoolSize(size);
    hc.setPoolName(name);
    hc.setConnectionTimeout(config.connectionTimeout().toMillis());
    hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
    return new HikariDataSource(hc);
  }

  /**
   * Reads each required pragma back from a connection of each pool and fails, naming every one
   * that is not in force, rather than run with weaker guarantees than promised.
   */
  public void verifySqlite() {
    List<String> problems = sqliteProblems(List.of(write, read));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("SQLite settings not in force: " + String.join("; ", problems)
          + ". Check that the database file is on a local file system that supports WAL.");
    }
  }

  /** Every required SQLite setting that a connection of these pools does not have. */
  public static List<String> sqliteProblems(List<? extends DataSource> pools) {
    List<String> problems = new ArrayList<>();
    for (DataSource pool : pools) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        expect(s, "journal_mode", "wal", pool, problems);
        expect(s, "synchronous", "1", pool, problems);
        expect(s, "foreign_keys", "1", pool, problems);
        expect(s, "busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS), pool, problems);
      } catch (SQLException e) {
        problems.add(name(pool) + ": cannot read settings: " + e.getMessage());
      }
    }
    return problems;
  }

  public static void expect(Statement s, String pragma, String expected, DataSource pool,
      List<String> problems) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      String actual = rs.next() ? rs.getString(1) : null;
      if (!expected.equalsIgnoreCase(actual)) {
        problems.add(name(pool) + ": " + pragma + " is " + actual + ", expected "
            + expected);
      }
    }
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
