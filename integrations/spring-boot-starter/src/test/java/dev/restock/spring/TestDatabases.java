package dev.restock.spring;

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

/** Databases of their own for the host applications under test, and their removal. */
final class TestDatabases {
  static final String POSTGRES_SERVER = System.getProperty("restock.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test");
  static final String POSTGRES_USER = System.getProperty("restock.test.postgres.user",
      "postgres");

  private TestDatabases() {}

  static String token() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A new SQLite file in a new directory, with the engine's settings on Boot's Hikari pool. */
  static Path sqlite(DynamicPropertyRegistry registry) {
    try {
      Path dir = Files.createTempDirectory("restock-spring");
      registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("host.db"));
      String p = "spring.datasource.hikari.data-source-properties.";
      registry.add(p + "journal_mode", () -> "WAL");
      registry.add(p + "synchronous", () -> "NORMAL");
      registry.add(p + "foreign_keys", () -> "true");
      registry.add(p + "busy_timeout", () -> "5000");
      registry.add(p + "transaction_mode", () -> "IMMEDIATE");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new in-memory H2 database. */
  static void h2(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url",
        () -> "jdbc:h2:mem:spring" + token() + ";DB_CLOSE_DELAY=-1");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
  }

  /**
   * A new schema on the PostgreSQL server, which the host's pool uses as its current schema.
   * Fails in CI (CI=true) when the server cannot be reached, and is skipped elsewhere.
   */
  static String postgres(DynamicPropertyRegistry registry) {
    String schema = "restock_spring_" + token();
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
    return schema;
  }

  static void dropPostgres(String schema) {
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

  static void delete(Path dir) {
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
