package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code restock sales import} and {@code restock report cash} end to end on a SQLite file: the
 * shared DEX samples (MIT, see {@code src/test/resources/dex/SOURCE.md}) against devices whose
 * serials match theirs, plus a second read of one machine written for these tests.
 */
class SalesImportCliTest {
  private static final String ANIMO = "ANIKraftver";
  private static final String RHEA = "RHV7654321";
  private static final String SIELAFF = "SIE90517939";
  private static final Instant EVER = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

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
    // the transcript, for the closing note
    System.out.println("$ restock " + String.join(" ", args) + "\n" + out + err
        + "(exit " + code + ")\n");
    return new Run(code, out.toString(), err.toString());
  }

  private Path sample(String name) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      try (InputStream in = getClass().getResourceAsStream("/dex/" + name)) {
        Files.copy(in, file);
      }
    }
    return file;
  }

  private Restock engine() {
    return RestockEngine.builder().store(JpaStores.sqlite(db())).build();
  }

  /**
   * A route DEX-1 with the three machines of the samples, one cabinet each, every slot holding 30
   * coffee at the machine's own price; the map file for their numeric selection codes.
   */
  @BeforeEach
  void fleet() throws IOException {
    try (Restock engine = engine()) {
      RestockSession system = engine.as(Actor.system());
      system.users().create(new CreateUser("olga", "olga@example.com", Role.ADMIN));
      Location location = system.locations().create(new CreateLocation("Campus", "1 Main St"));
      Route route = system.routes().create(new CreateRoute("DEX-1", "Hot drinks", 7));
      DeviceType type = system.deviceTypes().create(new CreateDeviceType("Brewer", 1));
      CabinetType cabinet = system.cabinetTypes().create(new CreateCabinetType("Hot"));
      Product coffee = system.products().create(
          new CreateProduct("COFFEE", "Coffee", "Hot drinks", new BigDecimal("1.00"), 1));
      device(system, "Animo lobby", ANIMO, location, route, type, cabinet, coffee, 2, 10);
      device(system, "Rheavendors hall", RHEA, location, route, type, cabinet, coffee, 2, 9);
      device(system, "Sielaff foyer", SIELAFF, location, route, type, cabinet, coffee, 1, 4);
    }
    StringBuilder map = new StringBuilder("serial,selection,position\n");
    for (int s = 0; s <= 9; s++) {
      map.append(ANIMO).append(',').append(s).append(",A").append(s + 1).append('\n');
    }
    map.append(ANIMO).append(",18,B1\n");
    for (int s = 1; s <= 18; s++) {
      map.append(RHEA).append(',').append(s).append(',')
          .append(s <= 9 ? "A" + s : "B" + (s - 9)).append('\n');
    }
    Files.writeString(dir.resolve("selections.csv"), map);
  }

  /** Slots over the whole grid; the rheavendors machine's prices are its own (0.50, 0.60, ...). */
  private static void device(RestockSession session, String name, String serial,
      Location location, Route route, DeviceType type, CabinetType cabinet, Product coffee,
      int rows, int columns) {
    BigDecimal[] prices = {null, new BigDecimal("0.50"), new BigDecimal("0.60"),
        new BigDecimal("0.70"), new BigDecimal("0.80"), new BigDecimal("0.80")};
    List<SlotSpec> slots = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 1; c <= columns; c++) {
        BigDecimal price = serial.equals(RHEA) && r == 0 && c < prices.length ? prices[c] : null;
        slots.add(new SlotSpec((char) ('A' + r) + Integer.toString(c), coffee.id(), 50, 40, 30,
            price));
      }
    }
    session.devices().setUp(new SetUpDevice(new CreateDevice(name, serial, location.id(),
        route.id(), type.id(), List.of(new CabinetSpec(1, cabinet.id(), rows, columns))),
        List.of(new CabinetPlanogram(1, name, slots))));
  }

  /** What the store holds: sales, reads and every slot's quantity. */
  private Map<String, Object> stored() {
    try (Restock engine = engine()) {
      RestockSession s = engine.as(Actor.system());
      Map<String, Object> state = new TreeMap<>();
      state.put("sales", s.sales().find(Criteria.all(), PageRequest.first()).total());
      for (String serial : List.of(ANIMO, RHEA, SIELAFF)) {
        var setup = s.devices().getWithPlanograms(s.devices().getBySerialNumber(serial).id());
        state.put(serial + " reads", s.machineReads().reads(setup.device().id(), EVER, NEVER));
        state.put(serial + " slots", setup.planograms().get(0).slots().stream()
            .map(Slot::quantity).toList());
      }
      return state;
    }
  }

  @Test
  void theSharedSamplesImportOnceAndTheNextVisitShowsInTheCashReport() throws IOException {
    Map<String, Object> empty = stored();

    // the truncated animo2 and sielaff (as shared, it lacks its SE and DXE trailer) spoil the
    // whole import: each named with its line, nothing written
    Run truncated = run("sales", "import", "--map", dir.resolve("selections.csv").toString(),
        sample("animo.eva_dts").toString(), sample("rhevendors.eva_dts").toString(),
        sample("sielaff.eva_dts").toString(), sample("animo2.eva_dts").toString());
    assertThat(truncated.code()).isEqualTo(2);
    assertThat(truncated.err().lines()).hasSize(2).anySatisfy(l -> assertThat(l)
        .startsWith("error: animo2.eva_dts:115: ").contains("truncated"))
        .anySatisfy(l -> assertThat(l).startsWith("error: sielaff.eva_dts:55: "));
    assertThat(stored()).isEqualTo(empty);

    Run first = run("sales", "import", "--map", dir.resolve("selections.csv").toString(),
        sample("animo.eva_dts").toString(), sample("rhevendors.eva_dts").toString(),
        sample("sielaff-completed.eva_dts").toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Animo lobby", "Rheavendors hall", "Sielaff foyer")
        .contains("3 file(s) imported, 0 already imported, 0 sale(s) recorded");
    assertThat(first.out().lines().filter(l -> l.contains("imported (baseline)"))).hasSize(3);
    Map<String, Object> baselines = stored();
    assertThat(baselines.get("sales")).isEqualTo(0L);
    assertThat(baselines.get(SIELAFF + " reads")).asList().singleElement()
        .satisfies(r -> assertThat(((dev.restock.api.reads.StoredRead) r).selections())
            .as("sielaff has no PA records").isEmpty());

    Run again = run("sales", "import", "--map", dir.resolve("selections.csv").toString(),
        sample("animo.eva_dts").toString(), sample("rhevendors.eva_dts").toString(),
        sample("sielaff-completed.eva_dts").toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("0 file(s) imported, 3 already imported, 0 sale(s)");
    assertThat(stored()).isEqualTo(baselines);

    Run visit = run("sales", "import", "--map", dir.resolve("selections.csv").toString(),
        sample("rhevendors-visit2.eva_dts").toString());
    assertThat(visit.code()).as(visit.err()).isZero();
    assertThat(visit.out()).contains("1 file(s) imported, 0 already imported, 3 sale(s) recorded");
    Map<String, Object> after = stored();
    assertThat(after.get("sales")).isEqualTo(3L);
    List<Integer> slots = new ArrayList<>(java.util.Collections.nCopies(18, 30));
    slots.set(0, 22);
    slots.set(1, 25);
    slots.set(4, 27);
    assertThat(after.get(RHEA + " slots")).isEqualTo(slots);

    Run cash = run("report", "cash", "--route", "DEX-1");
    assertThat(cash.code()).isZero();
    // 8 × 0.50 + 5 × 0.60 + 3 × 0.80 = 9.40 vended, 6.00 cash and 3.00 cashless taken
    assertThat(cash.out().lines().filter(l -> l.startsWith(RHEA)).toList()).singleElement()
        .satisfies(l -> assertThat(l.split("\\s{2,}")).containsSubsequence(
            RHEA, "Rheavendors hall", "16", "9.40", "6.00", "3.00", "-0.40"));
    Run json = run("report", "cash", "--json");
    assertThat(json.out()).contains("\"difference\":-0.40");

    // the sales list names each slot as people do (serial/cabinet/position), never by UUID
    Run list = run("sales", "list", "--route", "DEX-1");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains(RHEA + "/1/A1", RHEA + "/1/A2", RHEA + "/1/A5")
        .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
  }

  @Test
  void aBadMapFileNamesEveryBadRowAndWritesNothing() throws IOException {
    Map<String, Object> empty = stored();
    Path map = dir.resolve("bad.csv");
    // an empty line 3 does not shift the line numbers
    Files.writeString(map, "serial,selection,position\n" + RHEA + ",1,A1\n\n" + RHEA + ",2,\n"
        + RHEA + ",1,A3\n");

    Run bad = run("sales", "import", "--map", map.toString(),
        sample("rhevendors.eva_dts").toString());

    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines()).containsExactly(
        "error: bad.csv:4: position is empty",
        "error: bad.csv:5: selection 1 of " + RHEA + " is mapped twice");
    assertThat(stored()).isEqualTo(empty);
  }

  @Test
  void aMapFileWithoutTheColumnsIsRefused() throws IOException {
    Path map = dir.resolve("cols.csv");
    Files.writeString(map, "machine,code\nX,1\n");

    Run bad = run("sales", "import", "--map", map.toString(),
        sample("rhevendors.eva_dts").toString());

    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("error: cols.csv:1: the header has no column 'serial'",
        "error: cols.csv:1: the header has no column 'position'");
  }

  @Test
  void anUnknownFormatIsRefusedWithTheKnownOnes() throws IOException {
    Run bad = run("sales", "import", "--format", "xml", sample("animo.eva_dts").toString());

    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: format: unknown read parser 'xml'; known: ")
        .contains("dex");
  }

  @Test
  void everyOptionOfTheNewCommandsIsDescribed() {
    CommandLine cli = RestockCli.commandLine();
    for (String[] path : List.of(new String[] {"sales", "import"},
        new String[] {"report", "cash"})) {
      CommandLine.Model.CommandSpec spec = cli.getSubcommands().get(path[0]).getSubcommands()
          .get(path[1]).getCommandSpec();
      assertThat(spec.options()).allSatisfy(o -> assertThat(o.description())
          .as(String.join(" ", path) + " " + o.longestName()).isNotEmpty());
      assertThat(spec.positionalParameters()).allSatisfy(p ->
          assertThat(p.description()).isNotEmpty());
    }
  }
}
