package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restock demo} on a PostgreSQL database of this test's own (dropped after) with
 * {@code --keys}: no email, address or note in a {@code pg_dump} of it nor in a backup the tool
 * made, and no opening without the keys. Skipped when the server is not reachable, except in CI
 * (CI=true), where that fails.
 */
class KeysPostgresCliTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private String database;
  private String db;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @BeforeEach
  void aDatabaseOfItsOwn() throws SQLException {
    String name = "restock_cli_keys_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw e;
      }
      org.junit.jupiter.api.Assumptions.abort("PostgreSQL not reachable; SKIPPED: " + e);
    }
    database = name;
    db = "postgresql://127.0.0.1:5432/" + name + "?user=postgres";
  }

  @AfterEach
  void dropIt() throws SQLException {
    if (database != null) {
      try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  private static ToolRun ok(String... args) {
    ToolRun run = ToolRun.of(args);
    assertThat(run.code()).as(run.toString()).isZero();
    return run;
  }

  private static List<String> texts(String json, String field) throws Exception {
    List<String> values = new ArrayList<>();
    JSON.readTree(json).get("items").forEach(item -> values.add(item.get(field).asText()));
    return values;
  }

  private byte[] run(List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "dump", ".sql");
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(p.waitFor()).as(command + " exit code").isZero();
    return Files.readAllBytes(out);
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1)
        .contains(new String(needle.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1));
  }

  @Test
  void theDemoWithKeysLeavesNoPersonalDataInADumpOrABackup() throws Exception {
    Path keys = dir.resolve("pg.keys");
    ToolRun demo = ok("demo", "--db", db, "--keys", keys.toString());
    assertThat(keys).exists();
    assertThat(demo.err()).contains("created key file");

    List<String> secrets = new ArrayList<>();
    secrets.addAll(texts(ok("user", "list", "--db", db, "--keys", keys.toString(), "--json")
        .out(), "email"));
    secrets.addAll(texts(ok("location", "list", "--db", db, "--keys", keys.toString(),
        "--json").out(), "address"));
    secrets.add(DemoCommand.VISIT_NOTE);
    assertThat(secrets).contains("admin@restock.example", "driver@restock.example",
        "1 Station Sq");

    byte[] dump = run(List.of("pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres",
        database));
    Path backups = dir.resolve("backups");
    ok("backup", "--db", db, "--to", backups.toString());
    Path file;
    try (Stream<Path> listing = Files.list(backups)) {
      file = listing.filter(p -> !p.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    byte[] backup = run(List.of("pg_restore", "-f", "-", file.toString()));
    assertThat(contains(dump, "DEMO-COLA")).as("a plain field is in the dump").isTrue();
    assertThat(contains(backup, "DEMO-COLA")).as("a plain field is in the backup").isTrue();
    for (String secret : secrets) {
      assertThat(contains(dump, secret)).as(secret + " in pg_dump").isFalse();
      assertThat(contains(backup, secret)).as(secret + " in the backup").isFalse();
    }

    ToolRun refused = ToolRun.of("user", "list", "--db", db);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(refused.err()).contains("holds encrypted personal data").contains("--keys FILE");
    JsonNode status = JSON.readTree(ok("keys", "status", "--db", db, "--keys", keys.toString(),
        "--json").out());
    assertThat(status.get("dataKeysPerMasterKey").get("k1").asLong()).isEqualTo(3);
  }
}
