package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * history, as-of, deleted and restore by sku, code, serial, number, username and name, on
 * SQLite, H2 and PostgreSQL (the in-memory store forgets everything between two commands).
 */
class ToolNaturalIdsCliTest {
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  /** The --db of the current test. */
  private String db;
  /** Drops a PostgreSQL database made for the test. */
  private Runnable cleanup = () -> { };

  /** The three databases a file or server holds between commands ({@code memory} does not). */
  static Stream<String> databases() {
    return Stream.of("sqlite", "h2", "postgresql");
  }

  private void init(String kind) throws Exception {
    db = switch (kind) {
      case "sqlite" -> dir.resolve("restock.db").toString();
      case "h2" -> "jdbc:h2:file:" + dir.resolve("restock-h2");
      default -> postgres();
    };
    ToolRun init = run("init", "--admin", "olga", "--email", "olga@example.com");
    assertThat(init.code()).as(init.toString()).isZero();
  }

  private String postgres() throws Exception {
    String server = "jdbc:postgresql://127.0.0.1:5432/test";
    String database = "restock_ids_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 12);
    try (Connection c = DriverManager.getConnection(server, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create database " + database);
    }
    cleanup = () -> {
      try (Connection c = DriverManager.getConnection(server, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    };
    return "postgresql://postgres@127.0.0.1:5432/" + database;
  }

  @AfterEach
  void drop() {
    cleanup.run();
  }

  private ToolRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db);
    return ToolRun.of(all);
  }

  private ToolRun ok(String... args) {
    ToolRun run = run(args);
    assertThat(run.code()).as(String.join(" ", args) + ": " + run).isZero();
    return run;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeletedProductIsFoundBySkuInHistoryAsOfDeletedAndRestore(String kind) throws Exception {
    init(kind);
    ok("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    String afterCreate = Instant.now().toString();
    Thread.sleep(5);
    ok("product", "update", "COLA", "--name", "Cola Zero");
    ok("product", "delete", "COLA");

    ToolRun history = ok("history", "product", "COLA");
    assertThat(history.out()).contains("product.create").contains("product.update")
        .contains("product.delete");

    ToolRun asOf = ok("as-of", "product", "COLA", afterCreate);
    assertThat(asOf.out()).contains("product COLA at").contains("name = Cola")
        .doesNotContain("Cola Zero");

    ToolRun deleted = ok("deleted", "product");
    assertThat(deleted.out()).contains("SKU").contains("COLA").contains("olga")
        .contains("product.delete").doesNotContainPattern(UUID_PATTERN);

    ToolRun restored = ok("restore", "product", "COLA");
    assertThat(restored.out()).contains("restored product COLA");
    assertThat(ok("product", "show", "COLA").out()).contains("Cola Zero");
    assertThat(ok("history", "product", "COLA").out()).contains("product.restore");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aSkuThatNamesSeveralDeletedProductsIsAmbiguousAndNamesEach(String kind) throws Exception {
    init(kind);
    ok("product", "add", "--sku", "TEA", "--name", "Tea", "--price", "1");
    ok("product", "delete", "TEA");
    ok("product", "add", "--sku", "TEA", "--name", "Green tea", "--price", "1");
    ok("product", "delete", "TEA");
    JsonNode both = new ObjectMapper().readTree(ok("deleted", "product", "TEA", "--json").out());
    assertThat(both).hasSize(2);

    ToolRun restore = run("restore", "product", "TEA");
    assertThat(restore.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(restore.err()).contains("sku 'TEA' names 2 rows")
        .contains(both.get(0).get("id").asText()).contains(both.get(1).get("id").asText());
    assertThat(ok("product", "list", "--deleted").out()).contains("TEA");
    assertThat(ok("product", "list").out()).doesNotContain("TEA");

    // with one of them live again, history takes the live one
    ok("restore", "product", both.get(0).get("id").asText());
    assertThat(ok("history", "product", "TEA").out()).contains("product.restore");

    ToolRun none = run("restore", "product", "NOPE");
    assertThat(none.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(none.err()).contains("NOPE");
  }

  @Test
  void devicesRoutesSlotsOrdersAndUsersAreFoundByWhatPeopleCallThem() throws Exception {
    init("sqlite");
    ok("demo");
    String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
    assertThat(ok("history", "device", "DEMO-SN-001").out()).contains("device.set-up");
    assertThat(ok("history", "route", "DEMO-1").out()).contains("route.create");
    assertThat(ok("history", "slot", "DEMO-SN-001/1/A1").out()).contains("sales.record");
    assertThat(ok("history", "cabinet", "DEMO-SN-001/2").out()).contains("device.set-up");
    assertThat(ok("history", "service-order", "SO-" + year + "-000001").out())
        .contains("service-order.create").contains("service-order.dispatch");
    assertThat(ok("history", "user", "demo-driver").out()).contains("user.create");
    assertThat(ok("history", "location", "Demo Central Station").out())
        .contains("location.create");
    assertThat(ok("history", "stock", "DEMO-COLA").out()).contains("stock");
    assertThat(ok("as-of", "device", "DEMO-SN-002", "2999-01-01").out())
        .contains("serialNumber=DEMO-SN-002");

    // deleted through the engine: the tool's own 'device delete' is another change of issue 16
    try (Restock engine = RestockEngine.builder().store(KeyedSqlite.of(dir.resolve(
        "restock.db"))).build()) {
      User olga = engine.as(Actor.system()).users().getByUsername("olga");
      RestockSession session = engine.as(Actor.user(olga.id()));
      session.devices().delete(session.devices().getBySerialNumber("DEMO-SN-003").id());
    }
    assertThat(ok("deleted", "device").out()).contains("SERIAL").contains("DEMO-SN-003");
    assertThat(ok("history", "device", "DEMO-SN-003").out()).contains("device.delete");
    assertThat(ok("restore", "device", "DEMO-SN-003").out())
        .contains("restored device DEMO-SN-003");

    ToolRun byActor = ok("history", "--actor", "olga", "--since", "1h");
    assertThat(byActor.out()).contains("DEMO-COLA").contains("DEMO-1").contains("DEMO-SN-001");

    ToolRun badSlot = run("history", "slot", "DEMO-SN-001");
    assertThat(badSlot.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(badSlot.err()).contains("SERIAL/INDEX/POSITION");
  }
}
