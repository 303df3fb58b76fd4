package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RestockCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private Path db() {
    return dir.resolve("restock.db");
  }

  private Run run(String... args) {
    return runOn(db().toString(), args);
  }

  private static Run runOn(String database, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(database);
    return exec(all);
  }

  /** Runs a command that takes no database. */
  private static Run runBare(String... args) {
    return exec(List.of(args));
  }

  private static Run exec(List<String> all) {
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private void adminExists() {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db())).build()) {
      engine.as(Actor.system()).users().create(new CreateUser("olga", "olga@example.com", Role.ADMIN));
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theDemoRunsTwiceOnTheSameFileAndPrintsAPickListAndASlotHistory() {
    Run first = run("demo");
    assertThat(first.code()).as(first.err()).isZero();
    // the one line on stderr says where the new database's key file is (docs/cli-keys.md)
    assertThat(first.err().lines().toList()).singleElement().asString()
        .startsWith("created key file ");
    assertThat(first.out()).contains("Pick list for route DEMO-1 (fill-to-par)")
        .contains("every visit completed, order COMPLETED")
        .contains("Totals per product").contains("History of slot A1 of Demo machine 1")
        .contains("device.set-up").contains("sales.record");

    Run second = run("demo");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(run("device", "show", "DEMO-SN-001").out()).contains("cabinet 1 (4x6)")
        .contains("DEMO-CHIPS").contains("DEMO-COLA");
    assertThat(second.out()).contains("Route DEMO-1: 3 machines, 5 products");
  }

  @Test
  void theDemoRunsOnTheInMemoryStoreAndLeavesNoFileBehind() throws Exception {
    Run demo = runOn("memory", "demo");
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Restock demo on memory")
        .contains("every visit completed, order COMPLETED")
        .contains("device.set-up").contains("sales.record");
    assertThat(Files.exists(dir.resolve("memory"))).isFalse();
    assertThat(Files.exists(Path.of("memory"))).isFalse();
    // each command opens a new, empty store
    assertThat(runOn("memory", "product", "list").out()).doesNotContain("DEMO-COLA");
    Run health = runOn("memory", "health");
    assertThat(health.code()).as(health.err()).isZero();
    assertThat(health.out()).contains("UP  memory").contains("pool: 0 active");
  }

  @Test
  void aProductGoesThroughAddListShowUpdateDeleteAndRestore() {
    adminExists();
    assertThat(run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5",
        "--category", "Drinks", "--case-pack", "24").code()).isZero();
    assertThat(run("product", "list").out()).contains("COLA").contains("1.50").contains("Drinks");
    assertThat(run("product", "update", "COLA", "--price", "1.75").code()).isZero();
    assertThat(run("product", "show", "COLA").out()).contains("1.75");

    assertThat(run("product", "delete", "COLA").code()).isZero();
    assertThat(run("product", "list").out()).doesNotContain("COLA");
    assertThat(run("product", "list", "--deleted").out()).contains("COLA");
    Run show = run("product", "show", "COLA");
    assertThat(show.code()).isEqualTo(1);
    assertThat(show.err()).contains("product not found: COLA");

    assertThat(run("product", "restore", "COLA").code()).isZero();
    assertThat(run("product", "show", "COLA").out()).contains("1.75");
  }

  @Test
  void badInputExitsTwoWithOneLinePerProblemAndWritesNothing() throws SQLException {
    adminExists();
    Run run = run("product", "add", "--sku", "", "--name", "X", "--price", "-1");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "error: sku: must not be empty", "error: price: must not be negative (was -1)");
    assertThat(run.out()).isEmpty();
    assertThat(count("select count(*) from product")).isZero();
    assertThat(count("select count(*) from product_aud")).isZero();
  }

  @Test
  void anUnreadablePriceIsReportedWithTheOtherProblems() throws SQLException {
    adminExists();
    Run run = run("product", "add", "--sku", "S", "--name", " ", "--price", "abc");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactlyInAnyOrder(
        "error: price: is not a number: abc", "error: name: must not be empty");
    assertThat(count("select count(*) from product")).isZero();
  }

  @Test
  void anUnknownRouteOrStrategyIsAnErrorNotAStackTrace() {
    run("demo");
    Run unknownRoute = run("pick-list", "--route", "NOPE");
    assertThat(unknownRoute.code()).isEqualTo(1);
    assertThat(unknownRoute.errLines()).containsExactly("error: route not found: NOPE");

    Run unknownStrategy = run("pick-list", "--route", "DEMO-1", "--strategy", "fill-to-moon");
    assertThat(unknownStrategy.code()).isEqualTo(2);
    assertThat(unknownStrategy.errLines()).containsExactly(
        "error: strategy: unknown pick-list strategy 'fill-to-moon'; known: days-of-cover, "
            + "fill-to-capacity, fill-to-par");
  }

  @Test
  void jsonOutputIsWellFormedAndCarriesTheFields() throws Exception {
    run("demo");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode list = mapper.readTree(run("pick-list", "--route", "DEMO-1", "--strategy",
        "fill-to-capacity", "--json").out());
    assertThat(list.get("routeCode").asText()).isEqualTo("DEMO-1");
    assertThat(list.get("lines").isArray()).isTrue();
    assertThat(list.get("lines").get(0).has("pick")).isTrue();
    assertThat(list.get("totals").get(0).has("units")).isTrue();

    JsonNode products = mapper.readTree(run("product", "list", "--json").out());
    assertThat(products.get("totalItems").asInt()).isEqualTo(5);
    assertThat(products.get("items").get(0).get("price").decimalValue()).isPositive();

    JsonNode demo = mapper.readTree(run("demo", "--json").out());
    assertThat(demo.get("slotHistory").size()).isGreaterThanOrEqualTo(3);
    assertThat(demo.get("order").get("status").asText()).isEqualTo("COMPLETED");
    assertThat(demo.get("deliveryNote").get("number").asText()).startsWith("DN-");
  }

  @Test
  void historyShowsWhoCreatedAndChangedAProduct() {
    adminExists();
    run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    run("product", "update", "COLA", "--price", "2", "--as", "olga");
    String id = run("product", "show", "COLA", "--json").out()
        .replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    Run history = run("history", "product", id, "--diff");
    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out()).contains("product.create").contains("product.update")
        .contains("olga").contains("price: 1.50 -> 2.00");
    Run fields = run("history", "product", id);
    assertThat(fields.out()).contains("price").doesNotContain("1.50 -> 2.00");

    Run badType = run("history", "gizmo", id);
    assertThat(badType.code()).isEqualTo(2);
    assertThat(badType.err()).contains("unknown type 'gizmo'");
  }

  @Test
  void salesAreListedByRouteDeviceSkuAndTime() throws Exception {
    run("demo"); // 3 machines with 7 slots each (2 of them cola), one sale per slot
    ObjectMapper mapper = new ObjectMapper();
    Run byRoute = run("sales", "list", "--route", "DEMO-1", "--json");
    assertThat(byRoute.code()).as(byRoute.err()).isZero();
    JsonNode route = mapper.readTree(byRoute.out());
    assertThat(route.get("totalItems").asLong()).isEqualTo(21);
    assertThat(route.get("items")).hasSize(21).allSatisfy(sale ->
        assertThat(sale.get("units").asInt()).isPositive());
    assertThat(mapper.readTree(run("sales", "list", "--device", "DEMO-SN-001", "--json").out())
        .get("totalItems").asLong()).isEqualTo(7);

    Run cola = run("sales", "list", "--device", "DEMO-SN-002", "--sku", "DEMO-COLA");
    assertThat(cola.code()).as(cola.err()).isZero();
    assertThat(cola.out()).contains("DEMO-COLA").doesNotContain("DEMO-WATER")
        .contains("2 sale(s)");
    assertThat(run("sales", "list", "--since", "2999-01-01T00:00:00Z").out())
        .contains("0 sale(s)");
    Run unknown = run("sales", "list", "--device", "NO-SUCH-SERIAL");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("NO-SUCH-SERIAL");
  }

  @Test
  void stockIsListedAtOrBelowALevelAndByCategory() throws Exception {
    run("demo"); // five products, none in the warehouse
    assertThat(run("stock", "receive", "--sku", "DEMO-COLA", "--units", "40").code()).isZero();
    assertThat(run("stock", "receive", "--sku", "DEMO-CHIPS", "--units", "12").code()).isZero();
    ObjectMapper mapper = new ObjectMapper();

    JsonNode low = mapper.readTree(run("stock", "list", "--at-most", "12", "--json").out())
        .get("items");
    assertThat(low).extracting(l -> l.get("sku").asText())
        .containsExactly("DEMO-CHIPS", "DEMO-CHOC", "DEMO-GUM", "DEMO-WATER");
    Run snacks = run("stock", "list", "--category", "Snacks", "--at-most", "11");
    assertThat(snacks.code()).as(snacks.err()).isZero();
    assertThat(snacks.out()).contains("DEMO-CHOC").doesNotContain("DEMO-CHIPS")
        .doesNotContain("DEMO-COLA");
    assertThat(mapper.readTree(run("stock", "list", "--json").out()).get("items")).hasSize(5);
  }

  @Test
  void theDailyCycleRunsThroughTheToolFromOrderToCompletedVisits() throws Exception {
    run("demo");
    String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
    String number = "SO-" + year + "-000002";
    // the demo leaves every slot at par, so fill to capacity to have something to load
    Run created = run("order", "create", "--route", "DEMO-1", "--strategy", "fill-to-capacity");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).startsWith(number + "  PENDING");
    assertThat(run("order", "list").out()).contains(number).contains("SO-" + year + "-000001");

    Run early = run("order", "dispatch", number);
    assertThat(early.code()).isEqualTo(1);
    assertThat(early.err()).contains("PENDING");
    assertThat(run("order", "assign", number, "--driver", "demo-driver").out())
        .contains("ASSIGNED");
    Run assigned = run("order", "list", "--status", "assigned,in_progress", "--driver",
        "demo-driver", "--route", "DEMO-1");
    assertThat(assigned.out()).contains(number).doesNotContain("SO-" + year + "-000001");
    assertThat(run("order", "list", "--status", "COMPLETED").out())
        .contains("SO-" + year + "-000001").doesNotContain(number);

    Run shortOfStock = run("order", "dispatch", number);
    assertThat(shortOfStock.code()).isEqualTo(1);
    assertThat(shortOfStock.err()).startsWith("error: insufficient stock:").contains("DEMO-COLA");

    ObjectMapper mapper = new ObjectMapper();
    JsonNode show = mapper.readTree(run("order", "show", number, "--json").out());
    for (JsonNode total : show.get("pickList").get("totals")) {
      assertThat(run("stock", "receive", "--sku", total.get("sku").asText(), "--units",
          total.get("units").asText()).code()).isZero();
    }
    Run dispatched = run("order", "dispatch", number);
    assertThat(dispatched.code()).as(dispatched.err()).isZero();
    assertThat(dispatched.out()).contains("Delivery note DN-" + year + "-000002");
    assertThat(run("delivery-note", "show", "DN-" + year + "-000002").out())
        .contains("DEMO-COLA");
    Run notes = run("delivery-note", "list", "--route", "DEMO-1");
    assertThat(notes.code()).as(notes.err()).isZero();
    assertThat(notes.out()).contains("DN-" + year + "-000002").contains("DN-" + year + "-000001");
    assertThat(notes.out().indexOf("DN-" + year + "-000002"))
        .as("newest first").isLessThan(notes.out().indexOf("DN-" + year + "-000001"));
    JsonNode byOrder = mapper.readTree(run("delivery-note", "list", "--order", number,
        "--json").out());
    assertThat(byOrder.get("totalItems").asLong()).isEqualTo(1);
    assertThat(byOrder.get("items").get(0).get("number").asText())
        .isEqualTo("DN-" + year + "-000002");
    assertThat(run("delivery-note", "list", "--since", "2999-01-01T00:00:00Z").out())
        .doesNotContain("DN-");
    Run badTime = run("delivery-note", "list", "--since", "yesterday");
    assertThat(badTime.code()).isEqualTo(2);
    JsonNode levels = mapper.readTree(run("stock", "list", "--json").out()).get("items");
    levels.forEach(l -> assertThat(l.get("onHand").asInt()).isZero());

    int visits = show.get("order").get("visits").size();
    String firstSlot = show.get("order").get("visits").get(0).get("lines").get(0)
        .get("position").asText();
    assertThat(run("visit", "complete", number, "1", "--deliver", firstSlot + "=0",
        "--return-undelivered").code()).isZero();
    Run again = run("visit", "complete", number, "1");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already COMPLETED");
    assertThat(run("visit", "skip", number, "2", "--reason", "van in the way").code()).isZero();
    for (int v = 3; v <= visits; v++) {
      assertThat(run("visit", "complete", number, String.valueOf(v)).code()).isZero();
    }
    Run done = run("order", "show", number);
    assertThat(done.out()).contains(number + "  COMPLETED").contains("van in the way");
    assertThat(run("stock", "list").out()).containsPattern("DEMO-\\w+ +.* [1-9]");
    Run cancel = run("order", "cancel", number, "--reason", "late");
    assertThat(cancel.code()).isEqualTo(1);
    assertThat(cancel.err()).contains("only a PENDING or ASSIGNED order can be cancelled");
  }

  /** The tool on the other two databases: the demo's full cycle, then an order by hand. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"h2", "postgresql"})
  void theFullCycleRunsOnH2AndPostgresqlToo(String kind) throws SQLException {
    String url;
    String schema = "restock_cli_" + java.util.UUID.randomUUID().toString().substring(0, 8);
    if (kind.equals("h2")) {
      url = "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
    } else {
      String server = "jdbc:postgresql://127.0.0.1:5432/test";
      try (Connection c = DriverManager.getConnection(server, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("create schema " + schema);
      } catch (SQLException e) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw e;
        }
        org.junit.jupiter.api.Assumptions.abort("PostgreSQL not reachable; SKIPPED: " + e);
      }
      url = server + "?user=postgres&currentSchema=" + schema;
    }
    try {
      Run demo = runOn(url, "demo");
      assertThat(demo.code()).as(demo.err()).isZero();
      assertThat(demo.out()).contains("every visit completed, order COMPLETED");
      Run order = runOn(url, "order", "create", "--route", "DEMO-1", "--strategy",
          "fill-to-capacity");
      assertThat(order.code()).as(order.err()).isZero();
      assertThat(runOn(url, "order", "list").out()).contains("PENDING").contains("COMPLETED");

      // the operations commands on this database too
      assertThat(runOn(url, "health").out()).startsWith("UP");
      assertThat(runOn(url, "stats").out()).contains("statements");
      assertThat(runOn(url, "migrate", "status").out()).contains("schema version 8");
      assertThat(runOn(url, "audit", "verify").out()).startsWith("intact");
      Run backup = runOn(url, "backup", "--to", dir.resolve("b").toString(), "--json");
      assertThat(backup.code()).as(backup.err()).isZero();
      String file = backup.out().replaceAll("(?s).*\"file\":\"([^\"]+)\".*", "$1");
      String target = kind.equals("h2") ? "jdbc:h2:mem:" + schema + "_r;DB_CLOSE_DELAY=-1"
          : "jdbc:postgresql://127.0.0.1:5432/" + schema + "_r?user=postgres&currentSchema="
              + schema;
      if (kind.equals("postgresql")) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
            "postgres", ""); Statement s = c.createStatement()) {
          s.execute("create database " + schema + "_r");
        }
      }
      Run restore = runOn(target, "restore", "--from", file, "--allow-unsigned");
      assertThat(restore.code()).as(restore.err()).isZero();
      assertThat(runOn(target, "order", "list").out()).contains("PENDING").contains("COMPLETED");
      assertThat(runOn(target, "audit", "verify").out()).startsWith("intact");
    } finally {
      if (kind.equals("postgresql")) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
            "postgres", ""); Statement s = c.createStatement()) {
          s.execute("drop schema " + schema + " cascade");
          s.execute("drop database if exists " + schema + "_r with (force)");
        }
      }
    }
  }

  @Test
  void writingWithoutAnyAdministratorSaysWhatToDo() {
    assertThat(run("init").code()).isZero();
    Run run = run("product", "add", "--sku", "S", "--name", "N", "--price", "1");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("restock user add").contains("--role ADMIN")
        .contains("or pass --as");
  }

  // ------------------------------------------------------------------------- audit (issue 4)

  @Test
  void usersAreAddedListedAndDeactivatedWithRolesEnforced() {
    assertThat(run("init").code()).isZero();
    Run first = run("user", "add", "--username", "ada", "--email", "ada@example.com",
        "--role", "ADMIN");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(run("user", "add", "--username", "vic", "--email", "vic@example.com",
        "--role", "VIEWER").code()).isZero();

    assertThat(run("user", "list").out()).contains("ada").contains("vic").contains("VIEWER");

    Run refused = run("product", "add", "--sku", "X", "--name", "X", "--price", "1",
        "--as", "vic");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("permission denied for product.create");
    assertThat(run("product", "list", "--json").out()).contains("\"totalItems\":0");

    Run off = run("user", "deactivate", "vic");
    assertThat(off.code()).as(off.err()).isZero();
    assertThat(run("user", "list", "--json").out()).contains("\"active\":false");
  }

  @Test
  void auditVerifyNamesATamperedRevisionAndActivityCountsActions() throws Exception {
    adminExists();
    run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    run("product", "update", "COLA", "--price", "2");
    Run intact = run("audit", "verify");
    assertThat(intact.code()).as(intact.err()).isZero();
    assertThat(intact.out()).startsWith("intact:");

    long rev;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement()) {
      ResultSet r = s.executeQuery("select max(rev) from product_aud");
      r.next();
      rev = r.getLong(1);
      r.close();
      s.executeUpdate("update product_aud set price = 0.01 where rev = " + rev);
    }
    Run broken = run("audit", "verify", "--json");
    assertThat(broken.code()).isEqualTo(RestockCli.AUDIT_BROKEN);
    assertThat(broken.out()).contains("\"firstBroken\":" + rev);

    Run activity = run("audit", "activity", "--days", "1");
    assertThat(activity.code()).as(activity.err()).isZero();
    assertThat(activity.out()).contains("olga").contains("product.create")
        .contains("product.update");
  }

  @Test
  void auditEventsAreFoundByUserActionAndResource() throws Exception {
    adminExists();
    run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    run("product", "add", "--sku", "TEA", "--name", "Tea", "--price", "1.2");
    run("product", "update", "COLA", "--price", "2");
    String cola = run("product", "show", "COLA", "--json").out()
        .replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");

    Run updates = run("audit", "events", "--actor", "olga", "--action", "product.update");
    assertThat(updates.code()).as(updates.err()).isZero();
    assertThat(updates.out()).contains("olga").contains("product.update").contains(cola)
        .doesNotContain("product.create").contains("1 event(s)");
    JsonNode ofCola = new ObjectMapper().readTree(run("audit", "events", "--type", "product",
        "--id", cola, "--json").out());
    assertThat(ofCola.get("totalItems").asLong()).isEqualTo(2);
    assertThat(ofCola.get("items").get(0).get("action").asText()).as("newest first")
        .isEqualTo("product.update");
    assertThat(run("audit", "events", "--since", "2999-01-01T00:00:00Z").out())
        .contains("0 event(s)");
    Run nobody = run("audit", "events", "--actor", "nobody");
    assertThat(nobody.code()).isEqualTo(1);
    assertThat(nobody.err()).contains("nobody");
  }

  @Test
  void deletedRestoreAsOfAndChangesByActorWorkFromTheTool() throws Exception {
    adminExists();
    run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    String id = run("product", "show", "COLA", "--json").out()
        .replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    String afterCreate = java.time.Instant.now().toString();
    Thread.sleep(5);
    run("product", "update", "COLA", "--name", "Cola Zero");
    assertThat(run("product", "delete", "COLA").code()).isZero();

    Run deleted = run("deleted", "product");
    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(deleted.out()).contains("COLA").contains("olga").contains("product.delete");

    Run asOf = run("as-of", "product", id, afterCreate);
    assertThat(asOf.code()).as(asOf.err()).isZero();
    assertThat(asOf.out()).contains("name = Cola").doesNotContain("Cola Zero");

    Run restored = run("restore", "product", id);
    assertThat(restored.code()).as(restored.err()).isZero();
    assertThat(run("product", "show", "COLA").code()).isZero();

    Run mine = run("history", "--actor", "olga", "--since", "1h");
    assertThat(mine.code()).as(mine.err()).isZero();
    assertThat(mine.out()).contains("product.create").contains("product.update")
        .contains("product.delete").contains("product.restore");
    assertThat(run("as-of", "product", id, "yesterday-ish").code()).isEqualTo(2);
  }

  // ------------------------------------------------------------------------- operations (issue 5)

  @Test
  void healthAndStatsReportOnTheDatabase() throws Exception {
    assertThat(run("init").code()).isZero();
    Run health = run("health", "--json");
    assertThat(health.code()).as(health.err()).isZero();
    JsonNode h = new ObjectMapper().readTree(health.out());
    assertThat(h.get("up").asBoolean()).isTrue();
    assertThat(h.get("schemaVersion").asText()).isEqualTo("8");
    assertThat(h.get("pool").get("max").asInt()).isPositive();
    assertThat(run("health").out()).startsWith("UP");

    Run stats = run("stats");
    assertThat(stats.code()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("statements").contains("from ProductEntity");
  }

  @Test
  void aBadDatabaseSettingIsNamedAndNothingStarts() {
    Run bad = runOn("jdbc:mysql://127.0.0.1/restock", "health");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("restock.db.url").contains("unsupported database URL");

    Run unreachable = runOn("jdbc:postgresql://127.0.0.1:1/none", "health");
    assertThat(unreachable.code()).isNotZero();
    assertThat(unreachable.err()).contains("cannot open the database");
  }

  @Test
  void backupListRestoreAndPruneFromTheTool() throws Exception {
    adminExists();
    run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    Path backups = dir.resolve("backups");

    Run backup = run("backup", "--to", backups.toString(), "--json");
    assertThat(backup.code()).as(backup.err()).isZero();
    JsonNode info = new ObjectMapper().readTree(backup.out());
    assertThat(info.get("rowCounts").get("product").asLong()).isEqualTo(1);
    String file = info.get("file").asText();
    assertThat(runBare("backup", "list", "--dir", backups.toString()).out())
        .contains(Path.of(file).getFileName().toString());

    Path copy = dir.resolve("restored.db");
    Run restore = runOn(copy.toString(), "restore", "--from", file, "--allow-unsigned");
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("restored").contains("signature NOT verified")
        .contains("WARNING: backup " + Path.of(file).getFileName() + " is unsigned");
    assertThat(runOn(copy.toString(), "product", "show", "COLA").code()).isZero();
    assertThat(runOn(copy.toString(), "audit", "verify").out()).startsWith("intact");

    Run again = runOn(copy.toString(), "restore", "--from", file, "--allow-unsigned");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("already exists");

    Run prune = runBare("backup", "prune", "--dir", backups.toString(), "--keep-days", "0");
    assertThat(prune.code()).as(prune.err()).isZero();
    assertThat(prune.out()).contains("deleted 0 backup(s) and 0 leftover(s)");
  }

  @Test
  void seedingTwiceChangesNothingTheSecondTime() throws Exception {
    assertThat(run("init").code()).isZero();
    Run first = run("seed", "--admin-username", "root", "--admin-email", "root@example.com");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("created   device type Combo")
        .contains("created   administrator root");
    long revisions = count("select count(*) from audit_revision");

    Run second = run("seed", "--admin-username", "root", "--admin-email", "root@example.com");
    assertThat(second.out()).doesNotContain("created").contains("unchanged cabinet type Frozen");
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(run("seed", "--admin-username", "x").code()).isEqualTo(2);
  }

  @Test
  void migrateStatusHistoryApplyFromTheTool() throws Exception {
    adminExists();
    Run status = run("migrate", "status");
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("schema version 8").contains("no pending migrations");

    JsonNode history = new ObjectMapper().readTree(run("migrate", "history", "--json").out());
    // the latest migration is V8 (encrypted personal fields); the others come before it
    JsonNode latest = history.get(history.size() - 1);
    assertThat(history.size()).isGreaterThanOrEqualTo(4);
    assertThat(latest.get("version").asText()).isEqualTo("8");
    assertThat(latest.get("checksum").isNull()).isFalse();

    Run apply = run("migrate", "apply", "--backup-dir", dir.resolve("b").toString());
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("nothing to apply");

    Run rollback = run("migrate", "rollback", "--backup-dir", dir.resolve("none").toString());
    assertThat(rollback.code()).isEqualTo(1);
    assertThat(rollback.err()).contains("nothing to roll back to");
  }

  @Test
  void productsCanBeSearchedByTextOrPattern() {
    adminExists();
    run("product", "add", "--sku", "COLA-33", "--name", "Cola", "--price", "1");
    run("product", "add", "--sku", "TEA-1", "--name", "Green tea", "--price", "1");

    assertThat(run("product", "list", "--search", "GREEN").out()).contains("TEA-1")
        .doesNotContain("COLA-33");
    assertThat(run("product", "list", "--search", "^cola-[0-9]+$", "--regex").out())
        .contains("COLA-33").doesNotContain("TEA-1");
    Run bad = run("product", "list", "--search", "[a-", "--regex");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("text: is not a valid regular expression");
  }

  @Test
  void reportsRunFromTheTool() throws Exception {
    Run demo = run("demo");
    assertThat(demo.code()).as(demo.err()).isZero();

    JsonNode devices = new ObjectMapper().readTree(
        run("report", "device-utilisation", "--route", "DEMO-1", "--json").out()).get("items");
    assertThat(devices.size()).isPositive();
    assertThat(devices.get(0).get("cabinetCount").asInt()).isPositive();
    assertThat(run("report", "low-stock", "--route", "DEMO-1", "--percent", "100").out())
        .contains("DEMO-1");
    assertThat(run("report", "sold-out").code()).isZero();
    Run value = run("report", "stock-value");
    assertThat(value.code()).as(value.err()).isZero();
    assertThat(value.out()).contains("total");
    Run bad = run("report", "low-stock", "--percent", "200");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("percentOfPar");
  }
}
