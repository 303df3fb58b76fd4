package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.fleet.Device;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The fleet from the tool: location, route, device, planogram and slot commands, and import. */
class FleetCliTest {
  /** The example files the README's walkthrough uses. */
  static final Path EXAMPLES = Path.of("examples");
  static final Pattern UUID_TEXT = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final List<String[]> PRODUCTS = List.of(
      new String[] {"COLA-33", "Cola 33cl", "1.50"}, new String[] {"WATER-50", "Water 50cl", "1.20"},
      new String[] {"CHIPS-40", "Chips 40g", "1.80"}, new String[] {"CHOC-45", "Chocolate bar", "1.60"},
      new String[] {"COFFEE-25", "Iced coffee", "2.40"});

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private Path db() {
    return dir.resolve("fleet.db");
  }

  private Run run(String... args) {
    return runOn(db().toString(), args);
  }

  private static Run runOn(String database, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(database);
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static Run ok(Run run) {
    assertThat(run.code()).as(run.err() + run.out()).isZero();
    return run;
  }

  /** Reference data, an administrator and the example products, all through the tool. */
  private static void startOn(String database) {
    ok(runOn(database, "init")); // only init (and demo) create a database
    ok(runOn(database, "seed", "--admin-username", "olga", "--admin-email", "olga@example.com"));
    for (String[] p : PRODUCTS) {
      ok(runOn(database, "product", "add", "--sku", p[0], "--name", p[1], "--price", p[2]));
    }
  }

  private <T> T read(Function<RestockSession, T> query) {
    try (Restock engine = RestockEngine.builder().store(KeyedSqlite.of(db())).build()) {
      return query.apply(engine.as(Actor.system()));
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // ------------------------------------------------------------------------------ --reason

  @Test
  void everyWriteCommandTakesAReasonThatHistoryShows() throws Exception {
    startOn(db().toString());
    ok(run("route", "add", "--code", "NORTH", "--name", "North", "--reason", "new contract"));
    ok(run("route", "update", "NORTH", "--visit-days", "5", "--reason", "busier stations"));
    ok(run("product", "update", "COLA-33", "--price", "1.70", "--reason", "supplier price up"));
    String routeId = new ObjectMapper().readTree(run("route", "show", "NORTH", "--json").out())
        .at("/route/id").asText();
    Run history = ok(run("history", "route", routeId));
    assertThat(history.out()).contains("new contract").contains("busier stations");
    UUID cola = read(s -> s.products().getBySku("COLA-33").id());
    assertThat(ok(run("history", "product", cola.toString())).out())
        .contains("supplier price up");
    // commands that always needed a reason still insist on one
    Run adjust = run("stock", "adjust", "--sku", "COLA-33", "--delta", "1");
    assertThat(adjust.code()).isEqualTo(2);
    assertThat(adjust.err()).contains("--reason");
    ok(run("stock", "adjust", "--sku", "COLA-33", "--delta", "4", "--reason", "found a case"));
  }

  // ------------------------------------------------------------------------------ commands

  @Test
  void aFleetIsBuiltChangedDeletedAndRestoredByNaturalKeys() {
    startOn(db().toString());
    ok(run("location", "add", "--name", "Central Station", "--address", "1 Station Square"));
    ok(run("location", "add", "--name", "Harbour"));
    ok(run("route", "add", "--code", "NORTH", "--name", "North loop", "--visit-days", "7"));
    ok(run("route", "add", "--code", "SOUTH", "--name", "South loop"));
    Run added = ok(run("device", "add", "--serial", "SN-1", "--name", "Machine 1", "--location",
        "Central Station", "--route", "NORTH", "--type", "Combo", "--cabinet", "Ambient:4x6",
        "--cabinet", "Chilled:3x5"));
    assertThat(added.out()).contains("added device SN-1 with 2 cabinet(s)");
    // without --cabinet the device type's cabinets: a Single takes one
    ok(run("device", "add", "--serial", "SN-2", "--name", "Machine 2", "--location", "Harbour",
        "--type", "Single"));

    ok(run("planogram", "add", "SN-1", "1", "--name", "Snacks", "--slot", "A1=CHIPS-40:10:8:6",
        "--slot", "A2=CHOC-45:12:10", "--slot", "B1=:5:0"));
    Path slotFile = dir.resolve("chilled.csv");
    writeLines(slotFile, "position,product,capacity,par,quantity,price",
        "A1,COLA-33,8,6,8,1.90", "A2,WATER-50,8,6,,");
    ok(run("planogram", "add", "SN-1", "2", "--name", "Drinks", "--file", slotFile.toString()));

    Run slots = ok(run("slot", "list", "SN-1"));
    assertThat(slots.out()).containsPattern("1 +A1 +CHIPS-40 +6 +8 +10 +1.80")
        .containsPattern("1 +B1 +\\(empty\\) +0 +0 +5")
        .containsPattern("2 +A1 +COLA-33 +8 +6 +8 +1.90");
    assertThat(ok(run("planogram", "list")).out()).containsPattern("SN-1 +1 +Snacks +3 +6")
        .containsPattern("SN-1 +2 +Drinks +2 +8");
    ok(run("planogram", "update", "SN-1", "2", "--name", "Cold drinks"));
    assertThat(ok(run("planogram", "show", "SN-1", "2")).out())
        .contains("planogram Cold drinks of SN-1 cabinet 2").contains("WATER-50");

    // clearing one slot leaves the others' quantities alone
    ok(run("slot", "clear", "SN-1", "1", "A1"));
    ok(run("slot", "remove", "SN-1", "1", "B1"));
    Planogram snacks = read(s -> activeOf(s, "SN-1", 1));
    assertThat(snacks.slotAt("A1").orElseThrow().productId()).isNull();
    assertThat(snacks.slotAt("A1").orElseThrow().quantity()).isZero();
    assertThat(snacks.slotAt("A2").orElseThrow().productId()).isNotNull();
    assertThat(snacks.slotAt("B1")).isEmpty();

    ok(run("device", "update", "SN-2", "--route", "SOUTH", "--location", "Central Station"));
    ok(run("location", "update", "Harbour", "--address", "12 Quay Street"));
    Run devices = ok(run("device", "list"));
    assertThat(devices.out()).containsPattern("SN-1 +Machine 1 +Central Station +NORTH +Combo "
        + "+1 Ambient 4x6, 2 Chilled 3x5")
        .containsPattern("SN-2 +Machine 2 +Central Station +SOUTH +Single +1 Ambient 6x8");
    assertThat(ok(run("device", "list", "--route", "SOUTH")).out()).contains("SN-2")
        .doesNotContain("SN-1");
    assertThat(ok(run("route", "list")).out()).containsPattern("NORTH +North loop +7 +1")
        .containsPattern("SOUTH +South loop +7 +1");
    assertThat(ok(run("location", "show", "Central Station")).out())
        .contains("2 device(s): SN-1, SN-2");
    assertThat(ok(run("device", "show", "SN-1")).out())
        .contains("cabinet 2 (3x5) Chilled, planogram Cold drinks");
    // tables name things; ids stay in --json
    for (String[] list : new String[][] {{"device", "list"}, {"route", "list"},
        {"location", "list"}, {"planogram", "list"}, {"slot", "list", "SN-1"},
        {"device", "show", "SN-1"}, {"route", "show", "NORTH"}}) {
      assertThat(ok(run(list)).out()).as(String.join(" ", list)).doesNotContainPattern(UUID_TEXT);
    }

    ok(run("device", "delete", "SN-2"));
    assertThat(ok(run("device", "list")).out()).doesNotContain("SN-2");
    assertThat(ok(run("device", "list", "--deleted")).out()).contains("SN-2");
    ok(run("device", "restore", "SN-2"));
    ok(run("device", "update", "SN-2", "--no-route"));
    assertThat(this.<UUID>read(s -> s.devices().getBySerialNumber("SN-2").routeId())).isNull();
    ok(run("route", "delete", "SOUTH"));
    assertThat(ok(run("route", "list", "--deleted")).out()).contains("SOUTH");
    ok(run("route", "restore", "SOUTH"));
    ok(run("location", "delete", "Harbour"));
    ok(run("location", "restore", "Harbour"));
    assertThat(ok(run("location", "list")).out()).contains("Harbour").contains("12 Quay Street");

    Run missing = run("device", "show", "SN-404");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("device not found: SN-404");
  }

  @Test
  void badCommandInputNamesEveryProblemAndWritesNothing() {
    startOn(db().toString());
    ok(run("location", "add", "--name", "Central Station"));
    Run device = run("device", "add", "--serial", "SN-1", "--name", "M", "--location",
        "Central Station", "--type", "Combo", "--cabinet", "Ambient:0x6", "--cabinet",
        "Chilled:3x25");
    assertThat(device.code()).isEqualTo(2);
    assertThat(device.err()).contains("error: cabinets[1].rows:").contains(
        "error: cabinets[2].columns:");
    assertThat(this.<Long>read(s -> s.devices().list(PageRequest.first()).total())).isZero();

    ok(run("device", "add", "--serial", "SN-1", "--name", "M", "--location", "Central Station",
        "--type", "Single", "--cabinet", "Ambient:4x6"));
    Run planogram = run("planogram", "add", "SN-1", "1", "--name", "P", "--slot",
        "A1=NOPE-1:10:8", "--slot", "A2=COLA-33:0:8", "--slot", "A3=COLA-33:10:8:1:x");
    assertThat(planogram.code()).isEqualTo(2);
    assertThat(planogram.err()).contains("--slot A1: product").contains("NOPE-1")
        .contains("--slot A2: capacity").contains("--slot A3: price");
    assertThat(this.<Long>read(s -> s.planograms().list(PageRequest.first()).total())).isZero();
  }

  /** Needs the engine's setSlot (branch i16-planogram). */
  @Test
  void oneSlotChangesWithoutResendingThePlanogram() {
    startOn(db().toString());
    ok(run("location", "add", "--name", "Central Station"));
    ok(run("device", "add", "--serial", "SN-1", "--name", "M", "--location", "Central Station",
        "--type", "Single", "--cabinet", "Ambient:4x6"));
    ok(run("planogram", "add", "SN-1", "1", "--name", "P", "--slot", "A1=COLA-33:10:8:7",
        "--slot", "A2=CHIPS-40:10:8:5"));
    Run set = ok(run("slot", "set", "SN-1", "1", "A1", "--product", "COLA-33", "--par", "9",
        "--capacity", "12", "--price", "1.75", "--reason", "bigger coil"));
    assertThat(set.out()).contains("set slot A1 of SN-1 cabinet 1");
    ok(run("slot", "set", "SN-1", "1", "B3", "--product", "WATER-50", "--par", "4",
        "--capacity", "6"));
    Planogram after = read(s -> activeOf(s, "SN-1", 1));
    Slot a1 = after.slotAt("A1").orElseThrow();
    assertThat(a1.capacity()).isEqualTo(12);
    assertThat(a1.parLevel()).isEqualTo(9);
    assertThat(a1.quantity()).as("kept, not reset to 0").isEqualTo(7);
    assertThat(a1.price()).isEqualByComparingTo("1.75");
    assertThat(after.slotAt("A2").orElseThrow().quantity()).isEqualTo(5);
    assertThat(after.slotAt("B3").orElseThrow().parLevel()).isEqualTo(4);
    Run bad = run("slot", "set", "SN-1", "1", "A1", "--par", "50");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("parLevel");
    assertThat(this.<Planogram>read(s -> activeOf(s, "SN-1", 1)).slotAt("A1").orElseThrow().parLevel())
        .isEqualTo(9);
  }

  private static Planogram activeOf(RestockSession s, String serial, int cabinet) {
    Device d = s.devices().getBySerialNumber(serial);
    return s.planograms().activeFor(d.cabinet(cabinet).orElseThrow().id());
  }

  // ------------------------------------------------------------------------------ import

  @Test
  void theFleetListsExportAsTypedJsonPagesAndCsvAndPageAsText() throws Exception {
    startOn(db().toString());
    ok(run("import", "fleet", EXAMPLES.resolve("fleet.csv").toString()));
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();

    // --json: the page shape with the records, numbers as numbers (was the table's text cells)
    com.fasterxml.jackson.databind.JsonNode routes =
        mapper.readTree(ok(run("route", "list", "--json")).out());
    assertThat(routes.get("totalItems").asInt()).isEqualTo(3);
    assertThat(routes.get("page").asInt()).isEqualTo(1);
    assertThat(routes.get("items").get(0).get("code").asText()).isEqualTo("CITY");
    assertThat(routes.get("items").get(0).get("visitIntervalDays").isNumber()).isTrue();
    com.fasterxml.jackson.databind.JsonNode slots =
        mapper.readTree(ok(run("slot", "list", "SN-1001", "--json")).out());
    assertThat(slots.get("items").get(0).get("position").asText()).isEqualTo("A1");
    assertThat(slots.get("items").get(0).get("capacity").isNumber()).isTrue();
    assertThat(slots.get("items").get(0).get("price").isNumber()).isTrue();
    assertThat(mapper.readTree(ok(run("location", "list", "--json")).out())
        .get("totalItems").asInt()).isEqualTo(6);
    assertThat(mapper.readTree(ok(run("planogram", "list", "--json")).out())
        .get("totalItems").asInt()).isEqualTo(36);

    // --format csv: every row, a header, no footer
    List<String> devices = ok(run("device", "list", "--format", "csv")).out().lines().toList();
    assertThat(devices).hasSize(21);
    assertThat(devices.get(0)).isEqualTo("SERIAL,NAME,LOCATION,ROUTE,TYPE,CABINETS");

    // text pages with the hint for the next page
    assertThat(ok(run("device", "list", "--page-size", "5")).out())
        .contains("page 1 of 4 (20 items); next: --page 2");
    assertThat(ok(run("device", "list", "--page-size", "5", "--page", "4")).out())
        .contains("page 4 of 4 (20 items)").doesNotContain("next:");
  }

  @Test
  void theExampleFleetImportsOnceAndASecondImportChangesNothing() throws Exception {
    startOn(db().toString());
    Run first = ok(run("import", "fleet", EXAMPLES.resolve("fleet.csv").toString(),
        "--reason", "initial fleet"));
    assertThat(first.out()).contains("written in one unit of work")
        .containsPattern("locations +6 +0 +0").containsPattern("routes +3 +0 +0")
        .containsPattern("devices +20 +0 +0").containsPattern("planograms +36 +0 +0");
    assertThat(this.<Long>read(s -> s.devices().list(PageRequest.first()).total())).isEqualTo(20);
    assertThat(this.<Integer>read(s -> s.devices().listByRoute(s.routes().getByCode("CITY").id()).size()))
        .isEqualTo(6);
    long revisions = count("select count(*) from audit_revision");
    long slotRows = count("select count(*) from slot_aud");

    Run again = ok(run("import", "fleet", EXAMPLES.resolve("fleet.csv").toString()));
    assertThat(again.out()).contains("nothing to change")
        .containsPattern("locations +0 +0 +6").containsPattern("routes +0 +0 +3")
        .containsPattern("devices +0 +0 +20").containsPattern("planograms +0 +0 +36");
    assertThat(count("select count(*) from audit_revision")).isEqualTo(revisions);
    assertThat(count("select count(*) from slot_aud")).isEqualTo(slotRows);
    // the same fleet as JSON is the same fleet
    assertThat(ok(run("import", "fleet", EXAMPLES.resolve("fleet.json").toString())).out())
        .contains("nothing to change").containsPattern("devices +0 +0 +20");

    // a changed row updates that entity only; a slot's quantity survives a re-plan of its par
    int quantityBefore = read(s -> activeOf(s, "SN-1001", 1)).slotAt("A1").orElseThrow()
        .quantity();
    String csv = Files.readString(EXAMPLES.resolve("fleet.csv"))
        .replace("route,CITY,City centre,,3", "route,CITY,City centre,,2")
        .replace("slot,,,,,SN-1001,,,,1,,,,,A1,CHIPS-40,10,8,,", "slot,,,,,SN-1001,,,,1,,,,,A1,CHIPS-40,10,9,,")
        .replace("device,,Machine 20,,,SN-1020,Harbour Office,CITY",
            "device,,Machine 20,,,SN-1020,South Mall,CITY");
    Path changed = dir.resolve("fleet-changed.csv");
    Files.writeString(changed, csv);
    Run update = ok(run("import", "fleet", changed.toString(), "--reason", "winter plan"));
    assertThat(update.out()).containsPattern("routes +0 +1 +2").containsPattern("devices +0 +1 +19")
        .containsPattern("planograms +0 +1 +35").containsPattern("locations +0 +0 +6");
    assertThat(this.<Integer>read(s -> s.routes().getByCode("CITY").visitIntervalDays())).isEqualTo(2);
    Slot a1 = read(s -> activeOf(s, "SN-1001", 1)).slotAt("A1").orElseThrow();
    assertThat(a1.parLevel()).isEqualTo(9);
    assertThat(a1.quantity()).isEqualTo(quantityBefore);
    String routeId = read(s -> s.routes().getByCode("CITY").id().toString());
    assertThat(ok(run("history", "route", routeId)).out()).contains("winter plan")
        .contains("initial fleet");
  }

  @Test
  void aFileWithBadRowsReportsEveryOneWithItsLineAndWritesNothing() throws Exception {
    startOn(db().toString());
    Path file = dir.resolve("fleet.csv");
    writeLines(file,
        "kind,code,name,address,visit_days,serial,location,route,device_type,cabinet,"
            + "cabinet_type,rows,columns,planogram,position,product,capacity,par,quantity,price",
        "location,,Central Station,,,,,,,,,,,,,,,,,",                         // 2 fine
        "route,NORTH,North,,90,,,,,,,,,,,,,,,",                               // 3 visit days
        "device,,M1,,,SN-1,Nowhere,NORTH,Single,,,,,,,,,,,",                   // 4 location
        "cabinet,,,,,SN-1,,,,1,Ambient,4,6,,,,,,,",                            // 5 fine
        "slot,,,,,SN-1,,,,1,,,,,A9,COLA-33,0,0,,",                             // 6 capacity
        "slot,,,,,SN-1,,,,1,,,,,E1,COLA-33,10,8,,",                            // 7 outside grid
        "slot,,,,,SN-1,,,,1,,,,,A2,NOPE-1,10,8,,",                             // 8 product
        "device,,M1 again,,,SN-1,Central Station,,Single,,,,,,,,,,,",          // 9 duplicate
        "device,,M2,,,SN-2,Central Station,,Combo,,,,,,,,,,,",                 // 10 no cabinet
        "cabinet,,,,,SN-3,,,,1,Ambient,4,6,,,,,,,");                           // 11 no device
    Run run = run("import", "fleet", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines().toList()).containsExactly(
        "error: fleet.csv:3: route NORTH: visitIntervalDays: must be between 1 and 60 (was 90)",
        "error: fleet.csv:4: device SN-1: location: no location named Nowhere in the file or the "
            + "database",
        "error: fleet.csv:6: slot A9: capacity: must be between 1 and 999 (was 0)",
        "error: fleet.csv:7: slot E1: position: E1 is outside the cabinet's 4x6 grid",
        "error: fleet.csv:8: slot A2: product: no live product with sku NOPE-1 (add it with "
            + "'restock product add')",
        "error: fleet.csv:9: device SN-1: duplicate of line 4",
        "error: fleet.csv:10: device SN-2: cabinets: a new device needs at least one cabinet row",
        "error: fleet.csv:11: cabinet SN-3/1: serial: no device SN-3 in the file or the "
            + "database");
    // the good rows were not written either
    assertThat(this.<Long>read(s -> s.locations().list(PageRequest.first()).total())).isZero();
    assertThat(this.<Long>read(s -> s.routes().list(PageRequest.first()).total())).isZero();
    assertThat(this.<Long>read(s -> s.devices().list(PageRequest.first(), Visibility.INCLUDE_DELETED)
        .total())).isZero();

    Path json = dir.resolve("fleet.json");
    writeLines(json, "{", "  \"routes\": [", "    {\"code\": \"R1\", \"name\": \"One\"},",
        "    {\"code\": \"R2\", \"nmae\": \"Two\"}", "  ],", "  \"devices\": [",
        "    {\"serial\": \"SN-9\", \"name\": \"M\", \"location\": \"Central Station\",",
        "     \"deviceType\": \"Single\", \"cabinets\": [",
        "       {\"index\": 1, \"type\": \"Ambient\", \"rows\": 2, \"columns\": 2, \"slots\": [",
        "         {\"position\": \"A1\", \"product\": \"COLA-33\", \"capacity\": 5, \"par\": 9}",
        "       ]}]}", "  ]", "}");
    Run badJson = run("import", "fleet", json.toString());
    assertThat(badJson.code()).isEqualTo(2);
    assertThat(badJson.err().lines().toList()).containsExactly(
        "error: fleet.json:4: route R2: unknown field nmae",
        "error: fleet.json:4: route R2: name: is required",
        "error: fleet.json:7: device SN-9: location: no location named Central Station in the "
            + "file or the database",
        "error: fleet.json:10: slot A1: parLevel: must be between 0 and 5 (was 9)");
    Path broken = dir.resolve("broken.json");
    writeLines(broken, "{\"routes\": [", "  {\"code\": \"R1\",, \"name\": \"One\"}", "]}");
    Run unreadable = run("import", "fleet", broken.toString());
    assertThat(unreadable.code()).isEqualTo(2);
    assertThat(unreadable.err()).startsWith("error: broken.json:2: not readable as json");
    assertThat(this.<Long>read(s -> s.routes().list(PageRequest.first()).total())).isZero();
  }

  @Test
  void importRunsOnTheInMemoryStoreInOneCommand() throws Exception {
    // each command opens a new memory store, so one command must carry everything: the import
    // finds no device types there and says so for every device, writing nothing
    Run run = runOn("memory", "import", "fleet", EXAMPLES.resolve("fleet.json").toString(),
        "--dry-run");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("error: fleet.json:").contains("device_type: no device type "
        + "named Single");
    Path small = dir.resolve("small.json");
    writeLines(small, "{\"locations\": [{\"name\": \"Depot\"}],",
        " \"routes\": [{\"code\": \"R1\", \"name\": \"One\", \"visitDays\": 3}]}");
    Run memory = runOn("memory", "import", "fleet", small.toString(), "--as", "nobody");
    // an unknown --as fails before anything is written
    assertThat(memory.code()).isEqualTo(1);
    Run dry = ok(runOn("memory", "import", "fleet", small.toString(), "--dry-run"));
    assertThat(dry.out()).contains("nothing written (--dry-run)")
        .containsPattern("locations +1 +0 +0").containsPattern("routes +1 +0 +0");
    // a name that does not tell the format needs --format
    Path noExtension = dir.resolve("fleet-export.txt");
    Files.copy(small, noExtension);
    Run unknown = runOn("memory", "import", "fleet", noExtension.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("error: --format: cannot tell from the name");
    assertThat(ok(runOn("memory", "import", "fleet", noExtension.toString(), "--format",
        "json", "--dry-run")).out()).containsPattern("routes +1 +0 +0");
  }

  /** The example fleet on H2 and PostgreSQL through --db jdbc: URLs. */
  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theExampleFleetImportsOnH2AndPostgresql(String kind) throws Exception {
    String name = "restock_fleet_" + UUID.randomUUID().toString().substring(0, 8);
    String url = kind.equals("h2") ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
        : "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    if (kind.equals("postgresql")) {
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
          "postgres", ""); Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
    }
    try {
      startOn(url);
      Run first = ok(runOn(url, "import", "fleet", EXAMPLES.resolve("fleet.json").toString()));
      assertThat(first.out()).containsPattern("devices +20 +0 +0")
          .containsPattern("planograms +36 +0 +0");
      Run again = ok(runOn(url, "import", "fleet", EXAMPLES.resolve("fleet.csv").toString()));
      assertThat(again.out()).contains("nothing to change").containsPattern("devices +0 +0 +20");
      assertThat(ok(runOn(url, "device", "list", "--route", "NORTH")).out())
          .contains("SN-1001").contains("SN-1007").doesNotContain("SN-1008");
      Path bad = dir.resolve("bad.csv");
      writeLines(bad, "kind,name,code", "route,Extra,EXTRA", "location,,", "route,Bad,");
      Run refused = runOn(url, "import", "fleet", bad.toString());
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err().lines()).containsExactly(
          "error: bad.csv:3: location: name: is required",
          "error: bad.csv:4: route: code: is required");
      assertThat(ok(runOn(url, "route", "list")).out()).doesNotContain("EXTRA");
    } finally {
      if (kind.equals("postgresql")) {
        try (Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
            Statement s = c.createStatement()) {
          s.execute("drop database if exists " + name + " with (force)");
        }
      }
    }
  }

  private static void writeLines(Path file, String... lines) {
    try {
      Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
