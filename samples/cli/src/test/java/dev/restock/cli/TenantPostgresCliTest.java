package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants in the tool on PostgreSQL, a schema per tenant in a database of this test's own
 * (dropped after). Skipped when the server is not reachable, except in CI (CI=true), where that
 * fails.
 */
class TenantPostgresCliTest {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private String database;
  private String db;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @BeforeEach
  void aDatabaseOfItsOwn() throws SQLException {
    String name = "restock_cli_tn_" + UUID.randomUUID().toString().substring(0, 8);
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

  private ToolRun ok(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db);
    ToolRun run = ToolRun.of(all);
    assertThat(run.code()).as(run.toString()).isZero();
    return run;
  }

  private long products(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from " + schema + ".product")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void tenantsAreSchemasAddedAndListedAndKeepTheirProductsApart() throws Exception {
    ToolRun missing = ToolRun.of("product", "list", "--tenant", "a", "--db", db);
    assertThat(missing.code()).as(missing.toString())
        .isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(missing.err()).contains("no tenant directory at");

    ok("tenant", "add", "a", "--name", "Operator A", "--admin", "ada", "--email", "ada@a.example");
    ok("tenant", "add", "b", "--name", "Operator B", "--admin", "bob", "--email", "bob@b.example");
    JsonNode list = JSON.readTree(ok("tenant", "list", "--json").out());
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo("a");
    assertThat(list.get(1).get("name").asText()).isEqualTo("Operator B");

    ok("product", "add", "--tenant", "a", "--sku", "COLA", "--name", "Cola of A", "--price",
        "1.50");
    ok("product", "add", "--tenant", "b", "--sku", "COLA", "--name", "Cola of B", "--price",
        "1.60");
    ok("product", "add", "--tenant", "b", "--sku", "TEA", "--name", "Tea", "--price", "1");
    JsonNode a = JSON.readTree(ok("product", "list", "--tenant", "a", "--json").out())
        .get("items");
    assertThat(a).hasSize(1);
    assertThat(a.get(0).get("name").asText()).isEqualTo("Cola of A");
    assertThat(JSON.readTree(ok("product", "list", "--tenant", "b", "--json").out())
        .get("items")).hasSize(2);
    assertThat(products("tenant_a")).isEqualTo(1);
    assertThat(products("tenant_b")).isEqualTo(2);

    ToolRun status = ok("migrate", "status", "--all-tenants");
    assertThat(status.out()).containsPattern("a +8 +none").containsPattern("b +8 +none");
  }
}
