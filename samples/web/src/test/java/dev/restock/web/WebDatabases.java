package dev.restock.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Databases of their own for the web host under test, and their removal. */
public final class WebDatabases {
  static final String POSTGRES_SERVER = System.getProperty("restock.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test");
  static final String POSTGRES_USER = System.getProperty("restock.test.postgres.user",
      "postgres");
  /** The demo accounts' passwords in tests. */
  public static final String ADMIN_PASSWORD = "admin-test-pw";
  public static final String DRIVER_PASSWORD = "driver-test-pw";

  private WebDatabases() {}

  /** The demo accounts' fixed passwords. */
  public static void accounts(DynamicPropertyRegistry registry) {
    registry.add("restock.web.demo.admin-password", () -> ADMIN_PASSWORD);
    registry.add("restock.web.demo.driver-password", () -> DRIVER_PASSWORD);
  }

  /** A new SQLite file in a new directory (the application's default settings apply). */
  public static Path sqlite(DynamicPropertyRegistry registry) {
    try {
      Path dir = Files.createTempDirectory("restock-web");
      registry.add("restock.web.db", () -> dir.resolve("web.db").toString());
      accounts(registry);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new schema on the PostgreSQL server, the pool's current schema. Fails in CI (CI=true) when
   * the server cannot be reached, and is skipped elsewhere, saying so.
   */
  public static String postgres(DynamicPropertyRegistry registry) {
    String schema = "restock_web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + POSTGRES_SERVER + " ("
          + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + "; in CI the PostgreSQL tests must run, start the server");
      }
      Assumptions.abort(message + "; PostgreSQL tests SKIPPED");
    }
    registry.add("spring.datasource.url", () -> POSTGRES_SERVER + "?currentSchema=" + schema);
    registry.add("spring.datasource.username", () -> POSTGRES_USER);
    registry.add("spring.datasource.password", () -> "");
    accounts(registry);
    return schema;
  }

  /** Drops a schema {@link #postgres} made. */
  public static void dropPostgres(String schema) {
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, POSTGRES_USER, "");
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  /** Deletes a directory {@link #sqlite} made. */
  public static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
