package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.Store;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code restock user add --role ADMIN} processes started at once on a database that
 * never had an administrator: exactly one adds it, the others are refused (exit 1, permission
 * denied), on a SQLite file and on PostgreSQL.
 */
class FirstAdministratorProcessesTest {
  private static final int PROCESSES = 3;
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

  @TempDir Path dir;

  @Test
  void onOneSqliteFileExactlyOneProcessAddsTheFirstAdministrator() throws Exception {
    Path file = dir.resolve("restock.db");
    // the schema exists first, so the race is about administrators, not migrations
    try (Store store = JpaStores.sqlite(file).open()) {
      assertThat(store.description()).contains("restock.db");
    }
    race(file.toString(), Map.of());
    assertThat(administrators("jdbc:sqlite:" + file, "select count(*) from app_user"))
        .isEqualTo(1);
  }

  @Test
  void onPostgresqlExactlyOneProcessAddsTheFirstAdministrator() throws Exception {
    try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "")) {
      c.isValid(2);
    } catch (Exception e) {
      Assumptions.abort("PostgreSQL is not reachable: " + e.getMessage());
    }
    String schema = "restock_admins_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 12);
    try {
      try (Store store = JpaStores.of(JpaStoreConfig.of(POSTGRES, "postgres", "")
          .withSchema(schema)).open()) {
        assertThat(store.description()).contains(schema);
      }
      race(POSTGRES + "?user=postgres", Map.of("RESTOCK_DB_SCHEMA", schema));
      assertThat(administrators(POSTGRES + "?user=postgres&currentSchema=" + schema,
          "select count(*) from app_user")).isEqualTo(1);
    } finally {
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /** Starts the processes together and checks that exactly one succeeded. */
  private void race(String db, Map<String, String> env) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // start-up speed over peak speed: each process runs one short command
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), RestockCli.class.getName(),
          "user", "add", "--username", "admin" + p, "--email", "admin" + p + "@example.com",
          "--role", "ADMIN", "--db", db)
          .redirectOutput(dir.resolve("out" + p).toFile())
          .redirectError(dir.resolve("err" + p).toFile());
      builder.environment().remove("RESTOCK_DB_URL");
      builder.environment().putAll(env);
      processes.add(builder.start());
    }
    int succeeded = 0;
    for (int p = 0; p < PROCESSES; p++) {
      // generous: on a busy machine each JVM boots Hibernate cold
      boolean ended = processes.get(p).waitFor(8, TimeUnit.MINUTES);
      String err = Files.readString(dir.resolve("err" + p));
      assertThat(ended).as("process %d ended; its errors: %s", p, err).isTrue();
      if (processes.get(p).exitValue() == 0) {
        succeeded++;
        assertThat(Files.readString(dir.resolve("out" + p))).startsWith("added admin" + p);
      } else {
        assertThat(processes.get(p).exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("permission denied");
      }
    }
    assertThat(succeeded).isEqualTo(1);
  }

  private static long administrators(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql + " where role = 'ADMIN'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
