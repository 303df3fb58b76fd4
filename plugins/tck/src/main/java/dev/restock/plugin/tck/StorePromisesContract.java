package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.catalog.Product;
import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.Route;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.SlotLocation;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.stability.Experimental;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Promises the store ports make in their Javadoc beyond the per-port contracts: exact matching
 * of usernames, emails and route codes, inclusive and exclusive time bounds, tie-breaks among
 * equal times, the order of after-commit actions, writes that record no revision, what reports
 * answer for deleted names, how text differing only in case or accents sorts (in criteria
 * searches, natural orders and reports), and the grid order of positions in the stock reports and
 * in the slots holding a product.
 *
 * <p>Times are taken from what the store recorded (revision times read back) or given by the
 * case (sale and audit-event times, stored as given), never from sleeps against the wall clock.
 *
 * <p>Implemented by {@link StoreContract}, which runs it on a fresh store per test; a store author
 * extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface StorePromisesContract extends StoreUnderTest {

  @Test
  default void usersAreFoundByExactUsernameAndEmailAndNotOnceDeleted() {
    User ann = write("user.create", () -> store().users().add(Kit.user("Ann", "Ann@Example.com",
        Role.DRIVER, true)));

    assertThat(read(() -> store().users().findByUsername("Ann"))).contains(ann);
    assertThat(read(() -> store().users().findByUsername("ann"))).isEmpty();
    assertThat(read(() -> store().users().findByUsername("ANN"))).isEmpty();
    assertThat(read(() -> store().users().findByEmail("Ann@Example.com"))).contains(ann);
    assertThat(read(() -> store().users().findByEmail("ann@example.com"))).isEmpty();

    write("user.delete", () -> {
      store().users().softDelete(ann.id());
      return null;
    });
    assertThat(read(() -> store().users().findByUsername("Ann"))).isEmpty();
    assertThat(read(() -> store().users().findByEmail("Ann@Example.com"))).isEmpty();
  }

  @Test
  default void routesAreFoundByExactCodeAndNotOnceDeleted() {
    Route route = write("route.create", () -> store().routes().add(new Route(UUID.randomUUID(),
        "North-1", "North", 7, 0, AuditStamp.NEW, null)));

    assertThat(read(() -> store().routes().findByCode("North-1"))).contains(route);
    assertThat(read(() -> store().routes().findByCode("north-1"))).isEmpty();
    assertThat(read(() -> store().routes().findByCode("NORTH-1"))).isEmpty();

    write("route.delete", () -> {
      store().routes().softDelete(route.id());
      return null;
    });
    assertThat(read(() -> store().routes().findByCode("North-1"))).isEmpty();
  }

  @Test
  default void auditEventsAndActivitySinceIncludeTheBoundAndEqualTimesKeepTheWrittenOrder() {
    Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
    UUID actor = UUID.randomUUID();
    UUID resource = UUID.randomUUID();
    // Written in the reverse of the actions' text order, so that a store ordering ties by
    // action (or by anything but the order written) is caught.
    write("kit.events", () -> {
      store().auditLog().accept(event(at.minusMillis(1), actor, "kit.before", resource));
      store().auditLog().accept(event(at, actor, "kit.c", resource));
      store().auditLog().accept(event(at, actor, "kit.b", resource));
      return null;
    });
    write("kit.events", () -> {
      store().auditLog().accept(event(at, actor, "kit.a", resource));
      return null;
    });

    assertThat(read(() -> store().auditLog().events(actor, null, null, null)))
        .extracting(AuditEvent::action)
        .containsExactly("kit.before", "kit.c", "kit.b", "kit.a");
    assertThat(read(() -> store().auditLog().events(actor, "product", resource, at)))
        .extracting(AuditEvent::action).containsExactly("kit.c", "kit.b", "kit.a");
    assertThat(read(() -> store().auditLog().events(actor, null, null, at.plusMillis(1))))
        .isEmpty();
    assertThat(read(() -> store().auditLog().activity(actor, at)))
        .extracting(ActivitySummary::action).containsExactlyInAnyOrder("kit.a", "kit.b", "kit.c");
    assertThat(read(() -> store().auditLog().activity(actor, at.plusMillis(1)))).isEmpty();
  }

  @Test
  default void salesOfOneSlotAtTheSameTimeComeInTheOrderAppended() {
    Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    UUID slot = fixture.device(ref, "Alpha", 1, 3).planograms().get(0).slots().get(0).id();
    UUID product = ref.cola().id();
    // Ids fall as the sales are appended, so a store breaking the tie by id is caught.
    SaleRecord earlier = sale(new UUID(9, 9), slot, product, 1, at.minusSeconds(60));
    SaleRecord first = sale(new UUID(8, 8), slot, product, 2, at);
    SaleRecord second = sale(new UUID(7, 7), slot, product, 3, at);
    SaleRecord third = sale(new UUID(6, 6), slot, product, 4, at);
    write("sales.record", () -> {
      store().sales().append(List.of(first, second));
      return null;
    });
    write("sales.record", () -> {
      store().sales().append(List.of(third, earlier));
      return null;
    });

    assertThat(read(() -> store().sales().forSlot(slot))).extracting(SaleRecord::id)
        .containsExactly(earlier.id(), first.id(), second.id(), third.id());
  }

  @Test
  default void stateAtIncludesARevisionCommittedAtThatInstant() {
    Product cola = Kit.add(store(), "COLA", "Cola", "1.50");
    write("product.update", () -> store().products().update(new Product(cola.id(), "COLA",
        "Cola Zero", "Drinks", cola.price(), 6, true, cola.version(), cola.stamp(), null)));
    List<EntityRevision> revisions = read(() -> store().history().revisions(AuditedType.PRODUCT,
        cola.id()));
    assertThat(revisions).hasSize(2);
    Instant created = revisions.get(0).info().at();
    Instant updated = revisions.get(1).info().at();

    assertThat(read(() -> store().history().stateAt(AuditedType.PRODUCT, cola.id(), updated)))
        .hasValueSatisfying(r -> assertThat(r.info().number())
            .isEqualTo(revisions.get(1).info().number()));
    long lastAtCreation = revisions.stream().filter(r -> !r.info().at().isAfter(created))
        .reduce((a, b) -> b).orElseThrow().info().number();
    assertThat(read(() -> store().history().stateAt(AuditedType.PRODUCT, cola.id(), created)))
        .hasValueSatisfying(r -> assertThat(r.info().number()).isEqualTo(lastAtCreation));
    assertThat(read(() -> store().history().stateAt(AuditedType.PRODUCT, cola.id(),
        created.minusMillis(1)))).isEmpty();
  }

  @Test
  default void changesByIncludesFromAndExcludesTo() {
    UUID actor = UUID.randomUUID();
    Product cola = store().transactions().write(new AuditContext(Actor.user(actor),
        "product.create"), () -> store().products().add(Kit.product("COLA", "Cola", "1.50")));
    Instant at = read(() -> store().history().revisions(AuditedType.PRODUCT, cola.id())).get(0)
        .info().at();

    assertThat(read(() -> store().history().changesBy(actor, at, at.plusMillis(1))))
        .extracting(EntityChange::id).containsExactly(cola.id());
    assertThat(read(() -> store().history().changesBy(actor, at.minusMillis(1), at))).isEmpty();
    assertThat(read(() -> store().history().changesBy(actor, at, at))).isEmpty();
  }

  @Test
  default void afterCommitActionsRunInTheOrderTheyWereRegistered() {
    List<Integer> ran = new ArrayList<>();
    write("kit.after-commit", () -> {
      store().transactions().afterCommit(() -> ran.add(1));
      store().transactions().afterCommit(() -> ran.add(2));
      write("kit.nested", () -> {
        store().transactions().afterCommit(() -> ran.add(3));
        return null;
      });
      store().transactions().afterCommit(() -> ran.add(4));
      assertThat(ran).isEmpty();
      return null;
    });

    assertThat(ran).containsExactly(1, 2, 3, 4);
  }

  @Test
  default void settingAnUnchangedStockLevelRecordsNoRevision() {
    Product cola = Kit.add(store(), "COLA", "Cola", "1.50");
    setStock(cola.id(), 5);
    assertThat(Kit.kinds(store(), AuditedType.STOCK, cola.id())).hasSize(1);

    setStock(cola.id(), 5);
    assertThat(Kit.kinds(store(), AuditedType.STOCK, cola.id())).hasSize(1);

    setStock(cola.id(), 6);
    assertThat(Kit.kinds(store(), AuditedType.STOCK, cola.id())).hasSize(2);
  }

  @Test
  default void allStockLevelsIncludeDeletedProducts() {
    Product cola = Kit.add(store(), "COLA", "Cola", "1.50");
    Product water = Kit.add(store(), "WATER", "Water", "1.00");
    write("stock.receive", () -> {
      store().stock().set(Map.of(cola.id(), 4, water.id(), 2));
      return null;
    });
    write("product.delete", () -> {
      store().products().softDelete(cola.id());
      return null;
    });

    assertThat(read(() -> store().stock().all()))
        .isEqualTo(Map.of(cola.id(), 4, water.id(), 2));
  }

  @Test
  default void updatingSlotsRecordsNoPlanogramRevision() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.FleetDevice fleet = fixture.device(fixture.reference("R1"), "Alpha", 1, 3);
    Planogram planogram = fleet.planograms().get(0);
    Slot slot = planogram.slots().get(0);
    int planogramRevisions = Kit.kinds(store(), AuditedType.PLANOGRAM, planogram.id()).size();
    int slotRevisions = Kit.kinds(store(), AuditedType.SLOT, slot.id()).size();

    write("slot.update", () -> {
      store().planograms().updateSlots(List.of(slot.withQuantity(slot.quantity() + 1)));
      return null;
    });

    assertThat(Kit.kinds(store(), AuditedType.SLOT, slot.id())).hasSize(slotRevisions + 1);
    assertThat(Kit.kinds(store(), AuditedType.PLANOGRAM, planogram.id()))
        .hasSize(planogramRevisions);
  }

  @Test
  default void deviceUtilisationNamesADeletedLocationOrRouteAsNull() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    fixture.device(ref, "Alpha", 1, 3);
    write("fleet.delete", () -> {
      store().locations().softDelete(ref.location().id());
      store().routes().softDelete(ref.route().id());
      return null;
    });

    assertThat(read(() -> store().reports().deviceUtilisation(null, null)))
        .extracting(DeviceUtilisation::deviceName, DeviceUtilisation::locationName,
            DeviceUtilisation::routeName)
        .containsExactly(tuple("Alpha", null, null));
  }

  @Test
  default void textDifferingOnlyInCaseOrAccentsSortsByCodePoint() {
    for (String name : List.of("äpple", "Banana", "apple", "Äpple", "Apple")) {
      Kit.add(store(), "SKU-" + UUID.randomUUID(), name, "1.00");
    }

    assertThat(read(() -> store().products().find(Criteria.all().sortBy("name", Kit.ASCENDING),
        PageRequest.of(0, 10), Visibility.LIVE)).items()).extracting(Product::name)
        .containsExactly("Apple", "Banana", "apple", "Äpple", "äpple");
    assertThat(read(() -> store().products().find(Criteria.all().sortBy("name", Kit.DESCENDING),
        PageRequest.of(0, 10), Visibility.LIVE)).items()).extracting(Product::name)
        .containsExactly("äpple", "Äpple", "apple", "Banana", "Apple");
  }

  @Test
  default void naturalOrdersAndReportsSortNamesByCodePoint() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    for (String name : List.of("äpple", "Banana", "apple", "Äpple", "Apple")) {
      fixture.device(ref, name, 1, 3);
    }
    List<String> byCodePoint = List.of("Apple", "Banana", "apple", "Äpple", "äpple");

    assertThat(read(() -> store().devices().list(PageRequest.of(0, 10), Visibility.LIVE))
        .items()).extracting(Device::name).containsExactlyElementsOf(byCodePoint);
    assertThat(read(() -> store().devices().listByRoute(ref.route().id())))
        .extracting(Device::name).containsExactlyElementsOf(byCodePoint);
    assertThat(read(() -> store().reports().deviceUtilisation(null, null)))
        .extracting(DeviceUtilisation::deviceName).containsExactlyElementsOf(byCodePoint);
    assertThat(read(() -> store().planograms().liveSlotsHolding(ref.cola().id())))
        .extracting(SlotLocation::deviceName).containsExactlyElementsOf(byCodePoint);
  }

  @Test
  default void lowStockAndSoldOutReportsListPositionsInGridOrder() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    wideDeviceOfColaSlots(fixture, ref);

    assertThat(read(() -> store().reports().soldOut(null))).extracting(SlotStock::position)
        .containsExactly("A2", "A10", "A12", "B1");
    assertThat(read(() -> store().reports().slotsAtOrBelow(ref.route().id(), 50)))
        .extracting(SlotStock::position).containsExactly("A2", "A10", "A12", "B1");
  }

  @Test
  default void liveSlotsHoldingAProductListPositionsInGridOrder() {
    StoreFixture fixture = new StoreFixture(store());
    StoreFixture.Reference ref = fixture.reference("R1");
    wideDeviceOfColaSlots(fixture, ref);

    assertThat(read(() -> store().planograms().liveSlotsHolding(ref.cola().id())))
        .extracting(SlotLocation::position).containsExactly("A2", "A10", "A12", "B1");
  }

  /** A device of one 3 x 12 cabinet whose sold-out cola slots are added out of grid order. */
  private void wideDeviceOfColaSlots(StoreFixture fixture, StoreFixture.Reference ref) {
    UUID cola = ref.cola().id();
    fixture.write(() -> {
      Device device = store().devices().add(new Device(UUID.randomUUID(), "Wide",
          "SN-" + UUID.randomUUID(), ref.location().id(), ref.route().id(),
          ref.deviceType().id(), List.of(new Cabinet(UUID.randomUUID(), 1,
          ref.cabinetType().id(), 3, 12)), 0, AuditStamp.NEW, null));
      return store().planograms().add(new Planogram(UUID.randomUUID(),
          device.cabinets().get(0).id(), "Wide #1", true, List.of(
              new Slot(UUID.randomUUID(), "B1", cola, 10, 8, 0, null),
              new Slot(UUID.randomUUID(), "A10", cola, 10, 8, 0, null),
              new Slot(UUID.randomUUID(), "A2", cola, 10, 8, 0, null),
              new Slot(UUID.randomUUID(), "A12", cola, 10, 8, 0, null)),
          0, AuditStamp.NEW, null));
    });
  }

  private void setStock(UUID product, int onHand) {
    write("stock.receive", () -> {
      store().stock().set(Map.of(product, onHand));
      return null;
    });
  }

  private static AuditEvent event(Instant at, UUID actor, String action, UUID resource) {
    return new AuditEvent(0, at, actor, action, "product", resource, Map.of(), null, null, null);
  }

  private static SaleRecord sale(UUID id, UUID slot, UUID product, int units, Instant at) {
    return new SaleRecord(id, slot, product, units, 10, 10 - units, at, Actor.SYSTEM_ID);
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }
}
