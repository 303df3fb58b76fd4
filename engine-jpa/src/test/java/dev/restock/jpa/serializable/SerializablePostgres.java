package dev.restock.jpa.serializable;

import dev.restock.api.Restock;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A fresh PostgreSQL schema whose connections all run SERIALIZABLE transactions, as CockroachDB's
 * do by default: the JDBC URL passes {@code -c default_transaction_isolation=serializable} as the
 * connection's startup options, so only the engine's own connections are affected, never the
 * shared server's defaults. Reachability (skip, or fail under {@code CI=true}) and dropping the
 * schema come from {@link TestDatabase#POSTGRES}.
 */
final class SerializablePostgres implements AutoCloseable {
  /** pgjdbc's {@code options} parameter, URL-encoded: {@code -c default_transaction_isolation=serializable}. */
  static final String SERIALIZABLE_OPTIONS =
      "options=-c%20default_transaction_isolation%3Dserializable";

  private final FreshDatabase db;
  private final String url;
  private final JpaStoreConfig config;

  SerializablePostgres() {
    db = TestDatabase.POSTGRES.fresh();
    String schema = db.jdbcUrl().replaceFirst(".*currentSchema=", "");
    String server = db.jdbcUrl().replaceFirst("\\?currentSchema=.*", "");
    url = server + (server.contains("?") ? "&" : "?") + SERIALIZABLE_OPTIONS;
    config = JpaStoreConfig.of(url, db.config().user(), "").withSchema(schema);
  }

  /**
   * An engine on this schema, running a use case at most {@code maxAttempts} times in all with
   * pauses from 10 ms doubling up to {@code maxPause} between them, its store seen through
   * {@code wrap}.
   */
  Restock engine(int maxAttempts, Duration maxPause, UnaryOperator<Store> wrap) {
    var factory = JpaStores.of(config);
    return RestockEngine.builder().store(() -> wrap.apply(factory.open()))
        .conflictRetry(maxAttempts, Duration.ofMillis(10), maxPause).build();
  }

  /** The isolation level a connection opened with the engine's URL runs at, as the server says. */
  String isolationOfNewConnections() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, config.user(), "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show transaction_isolation")) {
      r.next();
      return r.getString(1);
    }
  }

  /** The server's own default, for connections opened without the option. */
  String serverDefaultIsolation() throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show default_transaction_isolation")) {
      r.next();
      return r.getString(1);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
