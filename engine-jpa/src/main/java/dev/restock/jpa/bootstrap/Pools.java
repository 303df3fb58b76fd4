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
import org.sqlite.SQLiteConfig;

/**
 * The store's connection pools. SQLite gets two: a single-connection write pool whose
 * transactions begin IMMEDIATE (so writers queue for the lock up front instead of deadlocking on
 * an upgrade), and a read pool whose transactions begin DEFERRED (so readers never block behind
 * the write lock). Other databases use one pool for both.
 */
public record Pools(HikariDataSource write, HikariDataSource read) implements AutoCloseable {
  public static final int SQLITE_BUSY_TIMEOUT_MS = 5000;

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
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(SqliteFunctions.dataSource(sqlite, config.jdbcUrl()));
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
  public static List<String> sqliteProblems(List<HikariDataSource> pools) {
    List<String> problems = new ArrayList<>();
    for (HikariDataSource pool : pools) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        expect(s, "journal_mode", "wal", pool, problems);
        expect(s, "synchronous", "1", pool, problems);
        expect(s, "foreign_keys", "1", pool, problems);
        expect(s, "busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS), pool, problems);
      } catch (SQLException e) {
        problems.add(pool.getPoolName() + ": cannot read settings: " + e.getMessage());
      }
    }
    return problems;
  }

  public static void expect(Statement s, String pragma, String expected, HikariDataSource pool,
      List<String> problems) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      String actual = rs.next() ? rs.getString(1) : null;
      if (!expected.equalsIgnoreCase(actual)) {
        problems.add(pool.getPoolName() + ": " + pragma + " is " + actual + ", expected "
            + expected);
      }
    }
  }

  /** Whether reads use a pool of their own. */
  public boolean separateReadPool() {
    return read != write;
  }

  @Override
  public void close() {
    if (read != write) {
      read.close();
    }
    write.close();
  }
}
