package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13, "bad input that gets in", through the tool: numbers, integer edges, far instants and
 * spoofing characters end with exit 2 and an error naming the option or field, nothing written.
 */
class InputEdgesCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @BeforeEach
  void anAdministratorAndAStockedProduct() {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(db())).build()) {
      engine.as(Actor.system()).users()
          .create(new CreateUser("olga", "olga@example.com", Role.ADMIN));
    }
    assertThat(run("product", "add", "--sku", "COLA", "--name", "Cola", "--price", "1.50").code())
        .isZero();
    assertThat(run("stock", "receive", "--sku", "COLA", "--units", "10").code()).isZero();
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

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void refused(Run run, String named) {
    assertThat(run.code()).as(run.err()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(run.err()).startsWith("error: " + named);
  }

  @Test
  void pricesBeyondTheColumnAreRefusedAndTheProductsStayReadable() throws Exception {
    refused(run("product", "add", "--sku", "INF", "--name", "Inf", "--price", "1e400"), "price");
    refused(run("product", "add", "--sku", "BIG", "--name", "Big", "--price",
        "99999999999999999999"), "price");
    refused(run("product", "update", "COLA", "--price", "1e11"), "price");

    assertThat(count("select count(*) from product")).isEqualTo(1);
    Run list = run("product", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("COLA").contains("1.50");
  }

  @Test
  void aReceiptThatWouldOverflowTheStockLevelIsBadInput() throws Exception {
    long events = count("select count(*) from audit_log");

    refused(run("stock", "receive", "--sku", "COLA", "--units", "2147483647"), "units");
    refused(run("stock", "adjust", "--sku", "COLA", "--delta", "-2147483648", "--reason", "x"),
        "delta");

    assertThat(count("select on_hand from stock_level")).isEqualTo(10);
    assertThat(count("select count(*) from audit_log")).isEqualTo(events);
  }

  @Test
  void aPageTooFarIsBadInputOnEveryListCommand() {
    refused(run("product", "list", "--page", "2147483647"), "--page");
    refused(run("order", "list", "--page", "2147483647"), "page");
    refused(run("sales", "list", "--page", "2147483647"), "page");
    refused(run("delivery-note", "list", "--page", "2147483647"), "--page");
  }

  @Test
  void farDurationsAndInstantsAreBadInputNamingTheOption() {
    refused(run("history", "--actor", "olga", "--since", "999999999999d"), "--since");
    refused(run("history", "--actor", "olga", "--since", "-5d"), "--since");
    refused(run("sales", "list", "--since", "+1000000000-01-01T00:00:00Z"), "--since");
    refused(run("delivery-note", "list", "--until", "+1000000000-01-01T00:00:00Z"), "--until");
    refused(run("as-of", "route", "00000000-0000-0000-0000-000000000001",
        "+1000000000-01-01T00:00:00Z"), "TIME");
  }

  @Test
  void spoofingCharactersInSkusAndNamesAreBadInput() throws Exception {
    refused(run("product", "add", "--sku", "COLA\u202eX", "--name", "Cola", "--price", "1"),
        "sku");
    refused(run("product", "add", "--sku", "TEA", "--name", "Tea\nCOLA  Cola", "--price", "1"),
        "name");
    Run sameSkuOtherCase = run("product", "add", "--sku", "cola", "--name", "Cola", "--price", "1");
    assertThat(sameSkuOtherCase.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    assertThat(sameSkuOtherCase.err()).contains("sku 'cola' is already used")
        .contains("as 'COLA'");

    assertThat(count("select count(*) from product")).isEqualTo(1);
  }

  @Test
  void anUpdateThatChangesNothingWritesNothing() throws Exception {
    long revisions = count("select count(*) from audit_revision");
    long events = count("select count(*) from audit_log");

    Run update = run("product", "update", "COLA", "--name", "Cola", "--price", "1.5");

    assertThat(update.code()).as(update.err()).isZero();
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(count("select count(*) from audit_log")).isEqualTo(events);
  }
}
