package dev.restock.jpa.tenant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Raw JDBC for the tests: counting rows behind the directory's back, PostgreSQL databases. */
final class Sql {
  private Sql() {}

  static final String POSTGRES_SERVER = System.getProperty("restock.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test");
  static final String POSTGRES_USER = System.getProperty("restock.test.postgres.user",
      "postgres");

  /** Rows of {@code table} (a test constant, checked) at {@code url}. */
  static long count(String url, String user, String password, String table) throws SQLException {
    if (!table.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  static void execute(String url, String user, String password, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static String token() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /**
   * The PostgreSQL server of the tests; like the store's other PostgreSQL tests, skipped when
   * it is not reachable, except in CI (env CI=true), where that fails.
   */
  static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, POSTGRES_USER, "")) {
      c.isValid(2);
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + POSTGRES_SERVER + " ("
          + e.getMessage() + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + "; in CI the PostgreSQL tests must run, start the server");
      }
      Assumptions.abort(message + "; PostgreSQL tests SKIPPED");
    }
  }

  /** Creates the database {@code name} (a test-made name) and answers its URL. */
  static String createDatabase(String name) throws SQLException {
    execute(POSTGRES_SERVER, POSTGRES_USER, "", "create database " + name);
    return POSTGRES_SERVER.replaceFirst("/[^/]*$", "/" + name);
  }

  static void dropDatabase(String name) throws SQLException {
    execute(POSTGRES_SERVER, POSTGRES_USER, "", "drop database if exists " + name
        + " with (force)");
  }

  static boolean schemaExists(String url, String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, POSTGRES_USER, "");
        PreparedStatement p = c.prepareStatement(
            "select 1 from pg_namespace where nspname = ?")) {
      p.setString(1, schema);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }
}
