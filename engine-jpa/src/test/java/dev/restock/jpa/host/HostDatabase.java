package dev.restock.jpa.host;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A fresh database with a pool of the host's own on it, built as a host application would build
 * it (HikariCP; on SQLite with the engine's settings as driver properties; on PostgreSQL on a
 * schema the host created). Closing closes the pool and drops the database.
 */
final class HostDatabase implements AutoCloseable {
  final TestDatabase kind;
  final FreshDatabase fresh;
  final HikariDataSource pool;

  private HostDatabase(TestDatabase kind, FreshDatabase fresh, HikariDataSource pool) {
    this.kind = kind;
    this.fresh = fresh;
    this.pool = pool;
  }

  static HostDatabase of(TestDatabase kind) {
    return of(kind, true);
  }

  /** @param engineSettings on SQLite, whether the pool carries the engine's settings */
  static HostDatabase of(TestDatabase kind, boolean engineSettings) {
    FreshDatabase fresh = kind.fresh();
    try {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(fresh.jdbcUrl());
      config.setPoolName("host-" + kind.name().toLowerCase(java.util.Locale.ROOT));
      config.setMaximumPoolSize(4);
      switch (kind) {
        case SQLITE -> {
          if (engineSettings) {
            config.setDataSourceProperties(sqliteSettings());
          }
        }
        case H2 -> {
          config.setUsername("sa");
          config.setPassword("");
        }
        case POSTGRES -> {
          String schema = fresh.jdbcUrl().replaceFirst(".*currentSchema=", "");
          try (Connection c = fresh.connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
          }
          config.setUsername("postgres");
        }
      }
      return new HostDatabase(kind, fresh, new HikariDataSource(config));
    } catch (SQLException | RuntimeException e) {
      fresh.close();
      throw new IllegalStateException("cannot set up the host's pool: " + e.getMessage(), e);
    }
  }

  /** The engine's SQLite settings as sqlite-jdbc driver properties, as a host sets them. */
  static Properties sqliteSettings() {
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    p.setProperty("synchronous", "NORMAL");
    p.setProperty("foreign_keys", "true");
    p.setProperty("busy_timeout", "5000");
    p.setProperty("transaction_mode", "IMMEDIATE");
    return p;
  }

  Database database() {
    return switch (kind) {
      case SQLITE -> Database.SQLITE;
      case H2 -> Database.H2;
      case POSTGRES -> Database.POSTGRESQL;
    };
  }

  /** Rows of {@code table} counted on a connection of the host's pool. */
  long count(String table) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count " + table, e);
    }
  }

  /** The chain head's size and hash, read behind the engine's back. */
  String chainHead() {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select seq, hash from audit_chain_head where id = 1")) {
      r.next();
      return r.getLong(1) + ":" + r.getString(2);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the chain head", e);
    }
  }

  /** Runs a statement of the host's own on a connection of its pool, auto-committed. */
  void execute(String sql) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      fresh.close();
    }
  }
}
