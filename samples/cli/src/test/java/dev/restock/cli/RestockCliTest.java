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
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db().toString());
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
    assertThat(first.err()).isEmpty();
    assertThat(first.out()).contains("Pick list for route DEMO-1 (fill-to-par)")
        .contains("Totals per product").contains("History of slot A1 of Demo machine 1")
        .contains("device.set-up").contains("sales.record");

    Run second = run("demo");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("Route DEMO-1: 3 machines, 5 products");
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
        "error: strategy: unknown pick-list strategy 'fill-to-moon'; known: fill-to-par");
  }

  @Test
  void jsonOutputIsWellFormedAndCarriesTheFields() throws Exception {
    run("demo");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode list = mapper.readTree(run("pick-list", "--route", "DEMO-1", "--json").out());
    assertThat(list.get("routeCode").asText()).isEqualTo("DEMO-1");
    assertThat(list.get("lines").isArray()).isTrue();
    assertThat(list.get("lines").get(0).has("pick")).isTrue();
    assertThat(list.get("totals").get(0).has("units")).isTrue();

    JsonNode products = mapper.readTree(run("product", "list", "--json").out());
    assertThat(products.get("total").asInt()).isEqualTo(5);
    assertThat(products.get("items").get(0).get("price").decimalValue()).isPositive();

    JsonNode demo = mapper.readTree(run("demo", "--json").out());
    assertThat(demo.get("slotHistory").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void historyShowsWhoCreatedAndChangedAProduct() {
    adminExists();
    run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.5");
    run("product", "update", "COLA", "--price", "2", "--as", "olga");
    String id = run("product", "show", "COLA", "--json").out()
        .replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    Run history = run("history", "product", id);
    assertThat(history.code()).as(history.err()).isZero();
    assertThat(history.out()).contains("product.create").contains("product.update")
        .contains("olga").contains("price: 1.50 -> 2.00");

    Run badType = run("history", "gizmo", id);
    assertThat(badType.code()).isEqualTo(2);
    assertThat(badType.err()).contains("unknown type 'gizmo'");
  }

  @Test
  void writingWithoutAnyAdministratorSaysWhatToDo() {
    Run run = run("product", "add", "--sku", "S", "--name", "N", "--price", "1");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("run 'restock demo' or pass --as");
  }
}
