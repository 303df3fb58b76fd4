package dev.restock.bench;

import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

/** A fresh database for one benchmark run: a SQLite file, or a new PostgreSQL schema. */
final class BenchDatabase implements AutoCloseable {
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

  final String name;
  final String jdbcUrl;
  private final String user;
  private final JpaStoreConfig config;
  private final String schema;
  final AtomicReference<JpaStore> store = new AtomicReference<>();

  private BenchDatabase(String name, String jdbcUrl, String user, JpaStoreConfig config,
      String schema) {
    this.name = name;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.config = config;
    this.schema = schema;
  }

  static BenchDatabase sqlite(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("bench-" + System.currentTimeMillis() + ".db");
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    return new BenchDatabase("SQLite", url, null, JpaStoreConfig.of(url, null, null), null);
  }

  static BenchDatabase postgres() throws SQLException {
    String schema = "bench_" + System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
      c.isValid(2);
    }
    return new BenchDatabase("PostgreSQL", POSTGRES + "?currentSchema=" + schema, "postgres",
        JpaStoreConfig.of(POSTGRES, "postgres", "").withSchema(schema), schema);
  }

  /** A factory that remembers the opened store, for statement counts. */
  StoreFactory factory() {
    StoreFactory plain = JpaStores.of(config);
    return () -> {
      JpaStore opened = (JpaStore) plain.open();
      store.set(opened);
      return opened;
    };
  }

  boolean isSqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /** The SQLite file, for tools that take a path (null on PostgreSQL). */
  Path sqliteFile() {
    return isSqlite() ? Path.of(jdbcUrl.substring("jdbc:sqlite:".length())) : null;
  }

  /** The URL and user a separate JVM needs, space separated. */
  String connectArgs() {
    return jdbcUrl + " " + (user == null ? "-" : user);
  }

  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl, user, user == null ? null : "");
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
    }
    return c;
  }

  @Override
  public void close() throws SQLException {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }
}
