package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.restock.api.catalog.Product;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 16, "the tool itself": JSON through Jackson, one shape for paged lists, --format csv on
 * every list, errors as JSON under --json, parser errors as "error: field: message" with exit 2.
 * Each output is parsed back by Jackson (JSON or CSV) rather than matched as text.
 */
class OutputCliTest {
  @TempDir Path dir;

  /** Reads numbers exactly, so that 2.50 stays 2.50. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .build();

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }

    JsonNode errorJson() throws Exception {
      return JSON.readTree(err);
    }

    /** The CSV output as rows of fields, the header row first. */
    List<List<String>> csv() throws Exception {
      CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
      List<List<String>> rows = new ArrayList<>();
      try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(out)) {
        it.forEachRemaining(r -> rows.add(Arrays.asList(r)));
      }
      return rows;
    }
  }

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @BeforeEach
  void theDemoFleet() {
    Run demo = run("demo");
    assertThat(demo.code()).as(demo.err()).isZero();
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

  private Run ok(String... args) {
    Run run = run(args);
    assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
    return run;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ---- JSON through Jackson

  @Test
  void jsonNumbersAreNumbersWithTheirScaleAndTimesAreIso() throws Exception {
    JsonNode cola = ok("product", "show", "DEMO-COLA", "--json").json();
    assertThat(cola.get("price").isBigDecimal()).isTrue();
    assertThat(cola.get("price").decimalValue().scale()).isEqualTo(2);
    assertThat(cola.get("casePack").isInt()).isTrue();
    assertThat(cola.get("active").isBoolean()).isTrue();
    JsonNode createdAt = cola.get("stamp").get("createdAt");
    assertThat(createdAt.isTextual()).isTrue();
    assertThat(Instant.parse(createdAt.asText())).isBeforeOrEqualTo(Instant.now());
    String id = cola.get("id").asText();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);

    // doubles (mean milliseconds) are numbers as well, not only ints, longs and decimals
    JsonNode stats = ok("stats", "--json").json();
    assertThat(stats.get("statements").isIntegralNumber()).as(stats.toString()).isTrue();
    assertThat(stats.get("cacheHits").isIntegralNumber()).isTrue();
    assertThat(stats.get("slowest")).isNotEmpty().allSatisfy(q ->
        assertThat(q.get("meanMillis").isNumber()).as(q.toString()).isTrue());

    JsonNode health = ok("health", "--json").json();
    assertThat(health.get("latency").isTextual()).isTrue();
    assertThat(health.get("latency").asText()).startsWith("PT");
    assertThat(Duration.parse(health.get("latency").asText())).isGreaterThanOrEqualTo(Duration.ZERO);
  }

  @Test
  void recordsAreObjectsInComponentOrderAndOptionalsAreTheirValue() throws Exception {
    JsonNode cola = ok("product", "show", "DEMO-COLA", "--json").json();
    List<String> fields = new ArrayList<>();
    cola.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(Arrays.stream(Product.class.getRecordComponents())
        .map(RecordComponent::getName).toList());

    // an intact chain: firstBroken and problem are empty Optionals, printed as null
    JsonNode verify = ok("audit", "verify", "--json").json();
    assertThat(verify.get("chain").get("firstBroken").isNull()).as(verify.toString()).isTrue();
    assertThat(verify.get("chain").get("problem").isNull()).isTrue();
    assertThat(verify.get("chain").get("checked").isIntegralNumber()).isTrue();
  }

  // ---- one shape for paged lists

  @Test
  void everyListHasOnePagedShapeCountedFromOne() throws Exception {
    JsonNode first = ok("product", "list", "--page-size", "2", "--json").json();
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("page").asInt()).isEqualTo(1);
    assertThat(first.get("pageSize").asInt()).isEqualTo(2);
    assertThat(first.get("totalItems").asLong()).isEqualTo(5);
    assertThat(first.get("totalPages").asLong()).isEqualTo(3);
    assertThat(first.get("items").get(0).get("price").isNumber()).isTrue();
    JsonNode last = ok("product", "list", "--page-size", "2", "--page", "3", "--json").json();
    assertThat(last.get("items")).hasSize(1);
    assertThat(last.get("page").asInt()).isEqualTo(3);

    assertPaged(ok("user", "list", "--json").json(), 2);
    assertPaged(ok("stock", "list", "--json").json(), 5);
    assertPaged(ok("delivery-note", "list", "--json").json(), 1);
    assertPaged(ok("report", "device-utilisation", "--json").json(), 3);
    assertPaged(ok("report", "low-stock", "--percent", "100", "--json").json(), 21);
    JsonNode soldOut = ok("report", "sold-out", "--json").json();
    assertPaged(soldOut, soldOut.get("totalItems").asInt());
    // --format json is the same as --json
    assertThat(ok("user", "list", "--format", "json").json())
        .isEqualTo(ok("user", "list", "--json").json());
  }

  private static void assertPaged(JsonNode list, int total) {
    List<String> fields = new ArrayList<>();
    list.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as(list.toString())
        .containsExactly("items", "page", "pageSize", "totalItems", "totalPages");
    assertThat(list.get("page").asInt()).isEqualTo(1);
    assertThat(list.get("pageSize").asInt()).isEqualTo(50);
    assertThat(list.get("totalItems").asLong()).isEqualTo(total);
    assertThat(list.get("totalPages").asLong()).isEqualTo((total + 49) / 50);
    assertThat(list.get("items")).hasSize(Math.min(total, 50));
  }

  @Test
  void aTextListSaysWhichPageItIsAndHowToSeeTheNext() {
    Run first = ok("product", "list", "--page-size", "2");
    assertThat(first.out()).contains("page 1 of 3 (5 items); next: --page 2");
    assertThat(first.out().lines().filter(l -> l.startsWith("DEMO-"))).hasSize(2);
    Run last = ok("product", "list", "--page-size", "2", "--page", "3");
    assertThat(last.out()).contains("page 3 of 3 (5 items)").doesNotContain("next:");
    assertThat(ok("user", "list").out()).contains("page 1 of 1 (2 items)");
    assertThat(ok("stock", "list", "--at-most", "-1").out()).contains("0 items");
  }

  @Test
  void badPagingOptionsAreBadInputNamingTheOption() {
    Run zero = run("product", "list", "--page", "0", "--page-size", "0");
    assertThat(zero.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(zero.err().lines()).containsExactly(
        "error: --page: must be 1 or more (was 0)",
        "error: --page-size: must be between 1 and 1000 (was 0)");
    assertThat(zero.out()).isEmpty();
  }

  // ---- --format csv

  @Test
  void productsAsCsvAreEveryRowWithAHeaderAndProperQuoting() throws Exception {
    ok("product", "add", "--sku", "ZERO", "--name", "Cola, \"Zero\"", "--price", "2.5");
    Run csv = ok("product", "list", "--page-size", "2", "--format", "csv");
    List<List<String>> rows = csv.csv();
    assertThat(rows.get(0)).containsExactly("SKU", "NAME", "CATEGORY", "PRICE", "CASE", "ACTIVE",
        "DELETED", "ID");
    assertThat(rows).as("every row unless --page is given").hasSize(1 + 6);
    List<String> zero = rows.stream().filter(r -> r.get(0).equals("ZERO")).findFirst()
        .orElseThrow();
    assertThat(zero.get(1)).isEqualTo("Cola, \"Zero\"");
    assertThat(zero.get(3)).isEqualTo("2.50");
    assertThat(zero.get(6)).as("nothing is an empty field").isEmpty();
    assertThat(csv.out()).contains("\"Cola, \"\"Zero\"\"\"")
        .doesNotContain("  ").doesNotContain("page ").doesNotContain("items");

    List<List<String>> second = ok("product", "list", "--page-size", "2", "--page", "2",
        "--format", "csv").csv();
    assertThat(second).hasSize(1 + 2);
    assertThat(second.get(1)).isEqualTo(rows.get(3));
  }

  @Test
  void everyListPrintsCsv() throws Exception {
    assertCsv(ok("user", "list", "--format", "csv"), 2, "USERNAME", "EMAIL", "ROLE", "ACTIVE",
        "ID");
    assertCsv(ok("stock", "list", "--format", "csv"), 5, "SKU", "PRODUCT", "ON HAND");
    assertCsv(ok("delivery-note", "list", "--format", "csv"), 1, "NUMBER", "ORDER", "ISSUED",
        "LINES", "UNITS");
    assertCsv(ok("report", "device-utilisation", "--format", "csv"), 3, "DEVICE", "CABINETS",
        "LOCATION", "ROUTE");
    assertCsv(ok("report", "low-stock", "--percent", "100", "--page-size", "5", "--format",
        "CSV"), 21, "ROUTE", "DEVICE", "CAB", "SLOT", "SKU", "QTY", "PAR", "CAP", "%PAR");
    assertCsv(ok("report", "stock-value", "--format", "csv"), 5, "SKU", "PRODUCT", "ON HAND",
        "PRICE", "VALUE");
    Run soldOut = ok("report", "sold-out", "--format", "csv");
    assertThat(soldOut.csv().get(0)).containsExactly("ROUTE", "DEVICE", "CAB", "SLOT", "SKU",
        "QTY", "PAR", "CAP", "%PAR");

    String number = ok("delivery-note", "list", "--json").json().get("items").get(0)
        .get("number").asText();
    List<List<String>> note = ok("delivery-note", "show", number, "--format", "csv").csv();
    assertThat(note.get(0)).containsExactly("SKU", "QUANTITY");
    assertThat(note).hasSize(1 + 5);

    // values without a table: their own fields, one row
    List<List<String>> health = ok("health", "--format", "csv").csv();
    assertThat(health).hasSize(2);
    assertThat(health.get(0)).startsWith("up", "store", "latency");
    assertThat(health.get(1).get(0)).isEqualTo("true");
    List<List<String>> stats = ok("stats", "--format", "csv").csv();
    assertThat(stats.get(0)).contains("statements", "cacheHits", "slowest");
    assertThat(stats).hasSize(2);
  }

  private static void assertCsv(Run run, int rows, String... header) throws Exception {
    List<List<String>> csv = run.csv();
    assertThat(csv.get(0)).containsExactly(header);
    assertThat(csv).hasSize(1 + rows);
    assertThat(csv).allSatisfy(r -> assertThat(r).hasSize(header.length));
    assertThat(run.out()).doesNotContain("page ");
  }

  @Test
  void jsonAndAnotherFormatContradictEachOther() {
    Run both = run("product", "list", "--json", "--format", "csv");
    assertThat(both.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(both.out()).isEmpty();
    assertThat(both.err()).contains("--json and --format csv");
    Run unknown = run("product", "list", "--format", "xml");
    assertThat(unknown.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(unknown.err().lines())
        .containsExactly("error: --format: 'xml' is not one of text, json, csv");
  }

  // ---- errors

  @Test
  void underJsonBadInputIsOneJsonErrorOnStandardErrorAndNothingIsWritten() throws Exception {
    long products = count("select count(*) from product");
    Run bad = run("product", "add", "--sku", "NEW", "--name", "", "--price", "abc", "--json");
    assertThat(bad.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(bad.out()).as("standard output carries data only").isEmpty();
    JsonNode error = bad.errorJson().get("error");
    assertThat(error.get("code").asInt()).isEqualTo(2);
    assertThat(error.get("problems")).extracting(p -> p.get("field").asText())
        .containsExactlyInAnyOrder("price", "name");
    assertThat(error.get("problems")).allSatisfy(p ->
        assertThat(p.get("message").asText()).isNotBlank());
    assertThat(count("select count(*) from product")).isEqualTo(products);
    assertThat(ok("product", "list", "--json").json().get("totalItems").asLong())
        .isEqualTo(products);

    // the same problems without --json, one line each
    Run text = run("product", "add", "--sku", "NEW", "--name", "", "--price", "abc");
    assertThat(text.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(text.err().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("error: "))
        .anySatisfy(l -> assertThat(l).startsWith("error: price: "))
        .anySatisfy(l -> assertThat(l).startsWith("error: name: "));

    Run missing = run("product", "show", "NO-SUCH", "--format", "json");
    assertThat(missing.code()).isEqualTo(RestockCli.NOT_FOUND_OR_CONFLICT);
    JsonNode notFound = missing.errorJson().get("error");
    assertThat(notFound.get("code").asInt()).isEqualTo(1);
    assertThat(notFound.get("message").asText()).contains("NO-SUCH");
    assertThat(notFound.get("problems").get(0).get("field").isNull()).isTrue();
  }

  @Test
  void aDatabaseThatIsDownIsAJsonErrorUnderJson() throws Exception {
    List<String> args = List.of("health", "--json", "--db", "jdbc:postgresql://127.0.0.1:1/x");
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute(args.toArray(String[]::new))).isEqualTo(1);
    assertThat(JSON.readTree(out.toString()).get("up").asBoolean()).isFalse();
    JsonNode error = JSON.readTree(err.toString()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(1);
    assertThat(error.get("message").asText()).contains("cannot open the database");
  }

  @Test
  void parserErrorsNameTheOptionWithExitTwoAndNoUsageText() throws Exception {
    long products = count("select count(*) from product");
    Run unknown = run("product", "add", "--sku", "NEW", "--name", "New", "--price", "1",
        "--bogus");
    assertThat(unknown.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(unknown.err().lines()).containsExactly("error: --bogus: unknown option");

    Run missing = run("product", "add", "--name", "New");
    assertThat(missing.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(missing.err().lines()).containsExactlyInAnyOrder("error: --sku: is required",
        "error: --price: is required");

    Run notANumber = run("stock", "receive", "--sku", "DEMO-COLA", "--units", "lots");
    assertThat(notANumber.code()).isEqualTo(RestockCli.BAD_INPUT);
    assertThat(notANumber.err().lines()).hasSize(1)
        .allSatisfy(l -> assertThat(l).startsWith("error: --units: ").contains("lots"));

    Run json = run("stock", "receive", "--sku", "DEMO-COLA", "--units", "lots", "--json");
    assertThat(json.code()).isEqualTo(RestockCli.BAD_INPUT);
    JsonNode error = json.errorJson().get("error");
    assertThat(error.get("code").asInt()).isEqualTo(2);
    assertThat(error.get("problems").get(0).get("field").asText()).isEqualTo("--units");

    assertThat(count("select count(*) from product")).isEqualTo(products);
    assertThat(count("select coalesce(sum(on_hand), 0) from stock_level")).isZero();
  }

  @Test
  void aListIsPrintedWholeWhenNotOnATerminal() {
    assertThat(Pager.terminal()).as("tests run without a terminal").isFalse();
    Run all = ok("report", "low-stock", "--percent", "100", "--page-size", "1000");
    assertThat(all.out().lines().filter(l -> l.startsWith("DEMO-1"))).hasSize(21);
    assertThat(all.out()).endsWith("page 1 of 1 (21 items)" + System.lineSeparator());
  }
}
