package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The order side of the tool: pick lists as CSV (route preview and an order's), a service date
 * for the preview, reassignment, and completing a visit whose slots were re-planned.
 */
class OrderCliTest {
  private static final String CRISPS = "Crisps, \"salt\" & vinegar";
  @TempDir Path dir;
  private Product crisps;
  private Product cola;
  private Product water;
  private DeviceSetup machine;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  private String db() {
    return dir.resolve("restock.db").toString();
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db());
    CommandLine cli = RestockCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private <T> T engine(Function<RestockSession, T> work) {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(Path.of(db()))).build()) {
      return work.apply(engine.as(Actor.user(engine.as(Actor.system()).users()
          .getByUsername("olga").id())));
    }
  }

  /**
   * Route R1 with machine "M1, lobby" (SN-1): A1 crisps (a name with a comma and quotes) needs 8,
   * A2 cola needs 5; drivers dave and erin; stock for everything.
   */
  @BeforeEach
  void fleet() {
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(Path.of(db()))).build()) {
      User olga = engine.as(Actor.system()).users()
          .create(new CreateUser("olga", "olga@example.com", Role.ADMIN));
      RestockSession s = engine.as(Actor.user(olga.id()));
      s.users().create(new CreateUser("dave", "dave@example.com", Role.DRIVER));
      s.users().create(new CreateUser("erin", "erin@example.com", Role.DRIVER));
      var location = s.locations().create(new CreateLocation("Depot", null));
      Route route = s.routes().create(new CreateRoute("R1", "North", 7));
      var type = s.deviceTypes().create(new CreateDeviceType("Combo", 1));
      var cabinet = s.cabinetTypes().create(new CreateCabinetType("Ambient"));
      crisps = s.products().create(new CreateProduct("SNK", CRISPS, "Snacks",
          new BigDecimal("1.10"), 12));
      cola = s.products().create(new CreateProduct("COLA", "Cola", "Drinks",
          new BigDecimal("1.00"), 6));
      water = s.products().create(new CreateProduct("WATER", "Water", "Drinks",
          new BigDecimal("0.90"), 6));
      machine = s.devices().setUp(new SetUpDevice(new CreateDevice("M1, lobby", "SN-1",
          location.id(), route.id(), type.id(), List.of(new CabinetSpec(1, cabinet.id(), 3, 3))),
          List.of(new CabinetPlanogram(1, "lobby", List.of(
              new SlotSpec("A1", crisps.id(), 10, 10, 2, null),
              new SlotSpec("A2", cola.id(), 10, 10, 5, null))))));
      s.stock().receive(crisps.id(), 50, "in");
      s.stock().receive(cola.id(), 50, "in");
    }
  }

  private static List<List<String>> rows(String csv) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerFor(List.class).readValues(csv)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  private static final List<List<String>> EXPECTED = List.of(
      List.of("device", "serial", "cabinet", "position", "sku", "product", "units"),
      List.of("M1, lobby", "SN-1", "1", "A1", "SNK", CRISPS, "8"),
      List.of("M1, lobby", "SN-1", "1", "A2", "COLA", "Cola", "5"));

  @Test
  void theRoutesPickListIsExportedAsCsvWithItsPreKitTotalsAndCorrectQuoting() throws Exception {
    Run r = run("pick-list", "--route", "R1", "--format", "csv");

    assertThat(r.code()).as(r.err()).isZero();
    String[] sections = r.out().split("\n\n");
    assertThat(sections).hasSize(2);
    assertThat(rows(sections[0])).isEqualTo(EXPECTED);
    // totals: pre-kitting order (category, then name); cases are whole case packs
    assertThat(rows(sections[1])).containsExactly(
        List.of("sku", "product", "category", "units", "case_pack", "cases"),
        List.of("COLA", "Cola", "Drinks", "5", "6", "1"),
        List.of("SNK", CRISPS, "Snacks", "8", "12", "1"));
    assertThat(r.out()).contains("\"M1, lobby\"").contains("\"Crisps, \"\"salt\"\" & vinegar\"");
  }

  @Test
  void anOrdersPickListIsExportedAsCsvTooUnderItsShowCommandAndItsPickListAlias() throws Exception {
    Run created = run("order", "create", "--route", "R1");
    assertThat(created.code()).as(created.err()).isZero();
    String number = created.out().split("\\s+")[0];

    Run show = run("order", "show", number, "--format", "csv", "--round-to-case");
    Run alias = run("order", "pick-list", number, "--format", "csv", "--round-to-case");

    assertThat(show.code()).as(show.err()).isZero();
    assertThat(alias.out()).isEqualTo(show.out());
    String[] sections = show.out().split("\n\n");
    assertThat(rows(sections[0])).isEqualTo(EXPECTED);
    assertThat(rows(sections[1])).containsExactly(
        List.of("sku", "product", "category", "units", "case_pack", "cases"),
        List.of("COLA", "Cola", "Drinks", "6", "6", "1"),
        List.of("SNK", CRISPS, "Snacks", "12", "12", "1"));
    assertThat(run("order", "show", number, "--format", "csv", "--json").code()).isEqualTo(2);
  }

  @Test
  void thePreviewTakesAServiceDate() {
    Run dated = run("pick-list", "--route", "R1", "--date", "2026-12-08");
    assertThat(dated.code()).as(dated.err()).isZero();
    assertThat(dated.out()).contains("Pick list for route R1").contains("SNK");
    Run bad = run("pick-list", "--route", "R1", "--date", "8 Dec");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--date");
  }

  @Test
  void anAssignedOrderIsReassignedWithAReasonUntilItIsDispatched() {
    String number = run("order", "create", "--route", "R1").out().split("\\s+")[0];
    assertThat(run("order", "assign", number, "--driver", "dave").code()).isZero();

    Run again = run("order", "assign", number, "--driver", "erin", "--reason", "Dave is ill");

    assertThat(again.code()).as(again.err()).isZero();
    User erin = engine(s -> s.users().getByUsername("erin"));
    assertThat(engine(s -> s.serviceOrders().getByNumber(number)).driverId())
        .isEqualTo(erin.id());
    assertThat(run("order", "dispatch", number).code()).isZero();
    Run late = run("order", "assign", number, "--driver", "dave");
    assertThat(late.code()).isNotZero();
    assertThat(late.err()).contains("cannot go from IN_PROGRESS to ASSIGNED");
  }

  @Test
  void aVisitOfAReplannedSlotIsRefusedNamingItOrCompletedWithTheLineUndelivered() {
    String number = run("order", "create", "--route", "R1").out().split("\\s+")[0];
    run("order", "assign", number, "--driver", "dave");
    assertThat(run("order", "dispatch", number).code()).isZero();
    // the office puts water in A2 after dispatch
    engine(s -> s.planograms().update(machine.planograms().get(0).id(), new UpdatePlanogram(
        null, List.of(new SlotSpec("A1", crisps.id(), 10, 10, 2, null),
            new SlotSpec("A2", water.id(), 10, 10, 1, null)))));

    Run refused = run("visit", "complete", number, "1");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("slot A2 now holds WATER (Water), not COLA (Cola)")
        .contains("mismatchAsUndelivered");
    assertThat(engine(s -> s.serviceOrders().getByNumber(number)).status())
        .isEqualTo(OrderStatus.IN_PROGRESS);

    Run done = run("visit", "complete", number, "1", "--mismatch-undelivered",
        "--return-undelivered");
    assertThat(done.code()).as(done.err()).isZero();
    ServiceOrder order = engine(s -> s.serviceOrders().getByNumber(number));
    assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(order.visits().get(0).lines()).extracting(OrderLine::position,
        OrderLine::delivered).containsExactly(
            org.assertj.core.groups.Tuple.tuple("A1", 8), org.assertj.core.groups.Tuple.tuple("A2", 0));
    int colaOnHand = engine(s -> s.stock().level(cola.id()).onHand());
    assertThat(colaOnHand).as("the 5 undelivered cola went back").isEqualTo(50);
  }
}
