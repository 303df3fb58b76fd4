package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.reads.CashLine;
import dev.restock.api.reads.ImportReads;
import dev.restock.api.reads.ImportResult;
import dev.restock.api.reads.ImportResult.FileOutcome;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine promises of a machine-read import on any store, with reads in the {@link
 * LineReads} test format: the first read of a device is a baseline and the next derives sales
 * from the cumulative counters, recorded at the read's time; re-importing a file is a no-op; a bad
 * import names every problem and writes nothing (no sale, no read, no slot change); implausible
 * reads (a counter going backwards with the same serial, a read older than the previous) are
 * refused with their reason; a replaced machine and counters reset together start a new
 * baseline; more vends than a slot holds empty it and keep every vend; selections map through the
 * device's map, positions and row-and-column numbers; cash lines account for each visit. Extend
 * it with {@link #openEngine}; every test starts a new engine on a new, empty store.
 */
@Experimental(since = "0.2")
public abstract class MachineReadImportContract {
  private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-09T10:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-16T10:00:00Z");
  private static final Instant EVER = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

  private Restock engine;
  private RestockSession ops;
  private Fleet fleet;
  private DeviceSetup m1;

  /** An engine on a new, empty store with {@code plugins} registered besides the built-in ones. */
  protected abstract Restock openEngine(EnginePlugin... plugins);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  private void start() {
    engine = openEngine(new EnginePlugin() {
      @Override public String id() { return "tck-reads"; }

      @Override public void register(PluginRegistrar registrar) {
        registrar.readParser(new LineReads());
      }
    });
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    ops = engine.as(Actor.user(admin.id()));
    fleet = EngineFixture.fleet(ops);
    // two cabinets, each: A1 cola 8 of 10, A2 chips 5 of 6, B1 water 4 of 12, C3 empty
    m1 = EngineFixture.device(ops, fleet, "M1", 2, 5);
  }

  private static ReadFile file(String name, String... lines) {
    return new ReadFile(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A read of SN-M1 at {@code at} with cash counters and selection lines ("A1 50"). */
  private static ReadFile read(String name, Instant at, String cash, String cashless,
      String... selections) {
    List<String> lines = new java.util.ArrayList<>(List.of("machine SN-M1", "at " + at));
    if (cash != null) {
      lines.add("cash " + cash);
    }
    if (cashless != null) {
      lines.add("cashless " + cashless);
    }
    for (String s : selections) {
      lines.add("sel " + s);
    }
    lines.add("end");
    return file(name, lines.toArray(String[]::new));
  }

  private ImportResult importing(ReadFile... files) {
    return ops.machineReads().importReads(new ImportReads(List.of(files), LineReads.ID, null));
  }

  private Slot slot(int cabinet, String position) {
    return ops.devices().getWithPlanograms(m1.device().id()).planograms().get(cabinet - 1)
        .slotAt(position).orElseThrow();
  }

  private long salesCount() {
    return ops.sales().find(Criteria.all(), PageRequest.first()).total();
  }

  private List<StoredRead> reads() {
    return ops.machineReads().reads(m1.device().id(), EVER, NEVER);
  }

  private static ReadFile baseline() {
    return read("r1.txt", T1, "100.00", "20.00", "A1 50", "102 30", "B1 10", "7 0");
  }

  private static ReadFile second() {
    return read("r2.txt", T2, "103.00", "20.80", "A1 53", "102 31", "B1 10", "7 0");
  }

  @Test
  public void theFirstReadIsABaselineAndTheNextRecordsTheSalesAtTheReadTime() {
    start();
    FileOutcome first = importing(baseline()).files().get(0);
    assertThat(first.alreadyImported()).isFalse();
    assertThat(first.salesRecorded()).isZero();
    assertThat(first.reads()).singleElement().satisfies(r -> {
      assertThat(r.baseline()).isTrue();
      assertThat(r.unitsVended()).isZero();
      assertThat(r.deviceId()).isEqualTo(m1.device().id());
      assertThat(r.readAt()).isEqualTo(T1);
    });
    assertThat(salesCount()).isZero();

    FileOutcome next = importing(second()).files().get(0);

    assertThat(next.salesRecorded()).isEqualTo(2);
    StoredRead r = next.reads().get(0);
    assertThat(r.baseline()).isFalse();
    assertThat(r.unitsVended()).isEqualTo(4);
    // 3 cola at 1.00 and 1 chips at 0.80
    assertThat(r.vendValue()).isEqualByComparingTo("3.80");
    assertThat(r.cashDelta()).isEqualByComparingTo("3.00");
    assertThat(r.cashlessDelta()).isEqualByComparingTo("0.80");
    assertThat(slot(1, "A1").quantity()).isEqualTo(5);
    assertThat(slot(1, "A2").quantity()).isEqualTo(4);
    assertThat(slot(1, "B1").quantity()).isEqualTo(4);
    assertThat(slot(2, "A1").quantity()).as("the second cabinet").isEqualTo(8);
    assertThat(ops.sales().salesOf(slot(1, "A1").id()))
        .extracting(SaleRecord::units, SaleRecord::previousQuantity, SaleRecord::newQuantity,
            SaleRecord::recordedAt)
        .containsExactly(tuple(3, 8, 5, T2));
    assertThat(reads()).extracting(StoredRead::readAt).containsExactly(T1, T2);
    assertThat(reads()).allSatisfy(s -> assertThat(s.contentHash()).hasSize(64));
  }

  @Test
  public void reImportingAFileIsANoOpThatLeavesTheStoreAsItWas() {
    start();
    importing(baseline());
    importing(second());
    List<StoredRead> before = reads();
    int quantity = slot(1, "A1").quantity();

    ImportResult again = importing(baseline(), second());

    assertThat(again.files()).extracting(FileOutcome::name, FileOutcome::alreadyImported,
        FileOutcome::salesRecorded).containsExactly(tuple("r1.txt", true, 0),
        tuple("r2.txt", true, 0));
    assertThat(again.files()).allSatisfy(f -> assertThat(f.reads()).isEmpty());
    assertThat(salesCount()).isEqualTo(2);
    assertThat(reads()).isEqualTo(before);
    assertThat(slot(1, "A1").quantity()).isEqualTo(quantity);
  }

  @Test
  public void theSameFileTwiceInOneImportIsImportedOnce() {
    start();
    importing(baseline());

    ImportResult result = importing(second(), second());

    assertThat(result.files()).extracting(FileOutcome::alreadyImported)
        .containsExactly(false, true);
    assertThat(salesCount()).isEqualTo(2);
  }

  @Test
  public void aBadImportNamesEveryProblemAndWritesNothing() {
    start();
    importing(baseline());
    int a1 = slot(1, "A1").quantity();

    // line 6 (selection 7, 5 vends since the baseline) names no slot of the device
    ReadFile unmapped = read("r2.txt", T2, "103.00", "20.80", "A1 53", "7 5");
    ReadFile stranger = file("stranger.txt", "machine SN-NOPE", "sel A1 1", "end");
    ReadFile truncated = file("cut.txt", "machine SN-M1", "at " + T3, "sel A1 60");

    assertThatThrownBy(() -> importing(unmapped, stranger, truncated))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field)
            .containsExactlyInAnyOrder("r2.txt:6", "stranger.txt:1", "cut.txt:4"))
        .hasMessageContaining("selection 7 (5 vends since the previous read) names no slot")
        .hasMessageContaining("no device has machine serial 'SN-NOPE'")
        .hasMessageContaining("truncated");

    assertThat(salesCount()).isZero();
    assertThat(reads()).singleElement().satisfies(r -> assertThat(r.readAt()).isEqualTo(T1));
    assertThat(slot(1, "A1").quantity()).isEqualTo(a1);
  }

  @Test
  public void anUnknownFormatNamesTheKnownOnesAndNoFilesIsRefused() {
    start();

    assertThatThrownBy(() -> ops.machineReads().importReads(
        new ImportReads(List.of(), "nope", null)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactlyInAnyOrder("files", "format"))
        .hasMessageContaining("'nope'")
        .hasMessageContaining(LineReads.ID);
  }

  @Test
  public void aCounterGoingBackwardsWithTheSameSerialIsRefusedWithItsReason() {
    start();
    importing(read("r1.txt", T1, null, null, "A1 412", "A2 10"));

    assertThatThrownBy(() -> importing(read("r2.txt", T2, null, null, "A1 400", "A2 12")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("r2.txt:1"))
        .hasMessageContaining(
            "counter of selection A1 went from 412 to 400 with the same machine serial SN-M1")
        .hasMessageContaining("implausible");

    assertThat(salesCount()).isZero();
    assertThat(reads()).hasSize(1);
    assertThat(slot(1, "A2").quantity()).isEqualTo(5);
  }

  @Test
  public void aReadNotLaterThanTheDevicesPreviousReadIsRefused() {
    start();
    importing(second());

    assertThatThrownBy(() -> importing(baseline()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is not later than the device's previous read at " + T2);
    assertThat(reads()).hasSize(1);
  }

  @Test
  public void aReplacedMachineStartsANewBaselineFromItsOwnCounters() {
    start();
    importing(read("r1.txt", T1, null, null, "A1 400"));
    ops.devices().update(m1.device().id(), new UpdateDevice(null, "SN-M1B", null, null, false));

    ImportResult replaced = importing(file("r2.txt", "machine SN-M1B", "at " + T2, "sel A1 5",
        "end"));
    ImportResult after = importing(file("r3.txt", "machine SN-M1B", "at " + T3, "sel A1 8",
        "end"));

    assertThat(replaced.files().get(0).reads()).singleElement()
        .satisfies(r -> assertThat(r.baseline()).isTrue());
    assertThat(replaced.files().get(0).salesRecorded()).isZero();
    assertThat(after.files().get(0).reads().get(0).unitsVended()).isEqualTo(3);
    assertThat(slot(1, "A1").quantity()).isEqualTo(5);
  }

  @Test
  public void countersResetTogetherStartANewBaseline() {
    start();
    importing(file("r1.txt", "machine SN-M1", "at " + T1, "total 80", "sel A1 50", "sel A2 30",
        "sel B1 0", "end"));

    FileOutcome reset = importing(file("r2.txt", "machine SN-M1", "at " + T2, "total 3",
        "sel A1 2", "sel A2 1", "sel B1 0", "end")).files().get(0);

    assertThat(reset.reads()).singleElement().satisfies(r -> assertThat(r.baseline()).isTrue());
    assertThat(reset.salesRecorded()).isZero();
    assertThat(slot(1, "A1").quantity()).isEqualTo(8);
  }

  @Test
  public void moreVendsThanTheSlotHoldsEmptyTheSlotAndEveryVendIsKept() {
    start();
    importing(read("r1.txt", T1, null, null, "A1 0"));

    FileOutcome over = importing(read("r2.txt", T2, null, null, "A1 20")).files().get(0);

    assertThat(over.reads().get(0).unitsVended()).isEqualTo(20);
    assertThat(over.reads().get(0).vendValue()).isEqualByComparingTo("20.00");
    assertThat(slot(1, "A1").quantity()).isZero();
    assertThat(ops.sales().salesOf(slot(1, "A1").id()))
        .extracting(SaleRecord::units, SaleRecord::previousQuantity, SaleRecord::newQuantity)
        .containsExactly(tuple(20, 8, 0));
  }

  @Test
  public void selectionsMapThroughTheDevicesMapThenPositionsThenRowAndColumnNumbers() {
    start();
    Map<String, Map<String, String>> maps = Map.of("SN-M1", Map.of("7", "b1", "8", "2:A1"));
    ops.machineReads().importReads(new ImportReads(List.of(read("r1.txt", T1, null, null,
        "7 0", "8 0", "a2 0", "103 0")), LineReads.ID, maps));

    ops.machineReads().importReads(new ImportReads(List.of(read("r2.txt", T2, null, null,
        "7 1", "8 2", "a2 3", "103 0")), LineReads.ID, maps));

    assertThat(slot(1, "B1").quantity()).as("7 -> B1 by the map").isEqualTo(3);
    assertThat(slot(2, "A1").quantity()).as("8 -> 2:A1 by the map").isEqualTo(6);
    assertThat(slot(1, "A2").quantity()).as("a2, a position").isEqualTo(2);
    assertThat(slot(1, "A1").quantity()).as("A1 untouched").isEqualTo(8);
    // 103 is A3, where there is no slot: ignored while it sells nothing, refused once it does
    assertThatThrownBy(() -> ops.machineReads().importReads(new ImportReads(List.of(read(
        "r3.txt", T3, null, null, "103 5")), LineReads.ID, maps)))
        .hasMessageContaining("selection 103 (5 vends since the previous read) names no slot");
  }

  @Test
  public void rowAndColumnNumbersNameAPositionOfTheFirstCabinet() {
    start();
    importing(read("r1.txt", T1, null, null, "101 0", "201 0"));

    importing(read("r2.txt", T2, null, null, "101 2", "201 1"));

    assertThat(slot(1, "A1").quantity()).isEqualTo(6);
    assertThat(slot(1, "B1").quantity()).isEqualTo(3);
  }

  @Test
  public void cashLinesAccountForEachVisitWithItsOverOrShort() {
    start();
    importing(baseline());
    importing(second());
    // 2 cola (2.00) against 1.50 cash and no cashless: 0.50 short
    importing(read("r3.txt", T3, "104.50", "20.80", "A1 55", "102 31", "B1 10", "7 0"));

    List<CashLine> lines = ops.machineReads().cash(fleet.route().id(), EVER, NEVER);

    assertThat(lines).extracting(CashLine::serialNumber, CashLine::deviceName, CashLine::from,
        CashLine::to, CashLine::unitsVended).containsExactly(
        tuple("SN-M1", "M1", T1, T2, 4), tuple("SN-M1", "M1", T2, T3, 2));
    assertThat(lines.get(0).difference()).isEqualByComparingTo("0.00");
    assertThat(lines.get(1).vendValue()).isEqualByComparingTo("2.00");
    assertThat(lines.get(1).cash()).isEqualByComparingTo("1.50");
    assertThat(lines.get(1).cashless()).isEqualByComparingTo("0.00");
    assertThat(lines.get(1).difference()).isEqualByComparingTo("-0.50");
    assertThat(ops.machineReads().cash(null, EVER, NEVER)).isEqualTo(lines);
    assertThat(ops.machineReads().cash(null, T3, NEVER)).extracting(CashLine::from)
        .containsExactly(T2);
    var other = ops.routes().create(new CreateRoute("R2", "South", 7));
    assertThat(ops.machineReads().cash(other.id(), EVER, NEVER)).isEmpty();
  }

  @Test
  public void onlyWhoMayRecordSalesMayImportReads() {
    start();
    User viewer = ops.users().create(new CreateUser("vera", "vera@example.com", Role.VIEWER));

    assertThatThrownBy(() -> engine.as(Actor.user(viewer.id())).machineReads().importReads(
        new ImportReads(List.of(baseline()), LineReads.ID, null)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(reads()).isEmpty();
  }
}
