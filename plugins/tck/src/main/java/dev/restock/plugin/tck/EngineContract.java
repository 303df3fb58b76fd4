package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.ProductTotal;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's behaviour on any store, end to end through the use cases: create, read, update,
 * validation naming every problem with nothing written, uniqueness among live rows, soft delete
 * and restore, history, planograms and the pick-list preview. Extend it with an engine on a new,
 * empty store; a store with tables may also answer {@link #rowCount} so refusals are checked row
 * by row.
 */
public abstract class EngineContract {
  private Restock engine;
  private User admin;
  private RestockSession session;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Rows of a table, soft-deleted ones included, for stores that have tables; empty (the
   * default) for stores without. Tables asked for: device, cabinet, planogram, slot, sale,
   * product.
   */
  protected OptionalLong rowCount(String table) {
    return OptionalLong.empty();
  }

  @BeforeEach
  void startEngine() {
    engine = openEngine();
    admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()).withReason("contract test")
        .withClientAddress("10.0.0.7").withUserAgent("contract-suite/1"));
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  // ---------------------------------------------------------------- create, read, update

  @Test
  public void aCreatedProductCanBeReadBackByIdAndSkuAndUpdated() {
    Product created = session.products().create(
        new CreateProduct("COLA-33", "Cola 33cl", "Drinks", new BigDecimal("1.5"), 24));

    assertThat(created.price()).isEqualByComparingTo("1.50");
    assertThat(created.stamp().createdBy()).isEqualTo(admin.id());
    assertThat(created.stamp().createdAt()).isNotNull();
    assertThat(session.products().get(created.id())).isEqualTo(created);
    assertThat(session.products().getBySku("COLA-33").id()).isEqualTo(created.id());

    Product updated = session.products().update(created.id(),
        new UpdateProduct(null, "Cola 33 cl", null, new BigDecimal("1.75"), null, null));

    assertThat(updated.name()).isEqualTo("Cola 33 cl");
    assertThat(updated.price()).isEqualByComparingTo("1.75");
    assertThat(updated.casePack()).isEqualTo(24);
    assertThat(updated.version()).isGreaterThan(created.version());
    assertThat(session.products().get(created.id())).isEqualTo(updated);
  }

  @Test
  public void listsArePagedInNaturalOrderWithATotalCount() {
    for (String sku : List.of("E", "C", "A", "D", "B")) {
      product(sku);
    }
    Page<Product> second = session.products().list(PageRequest.of(1, 2));
    assertThat(second.items()).extracting(Product::sku).containsExactly("C", "D");
    assertThat(second.total()).isEqualTo(5);
    assertThat(second.pages()).isEqualTo(3);
    assertThat(session.products().list(PageRequest.of(2, 2)).items()).extracting(Product::sku)
        .containsExactly("E");
  }

  // ---------------------------------------------------------------- validation

  @Test
  public void aDeviceSetUpWithManyProblemsNamesEachAndWritesNothing() {
    Fleet f = fleet();
    UUID missingProduct = UUID.randomUUID();
    SetUpDevice bad = new SetUpDevice(
        new CreateDevice("M1", "SN-1", UUID.randomUUID(), f.route().id(), f.deviceType().id(),
            List.of(new CabinetSpec(1, f.cabinetType().id(), 2, 2))),
        List.of(new CabinetPlanogram(1, "P", List.of(
            new SlotSpec("A1", f.cola().id(), 10, 5, 0, null),
            new SlotSpec("C1", f.cola().id(), 10, 5, 0, null),
            new SlotSpec("A2", missingProduct, 10, 5, 0, null)))));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session.devices().setUp(bad));

    assertThat(e.violations()).extracting(Violation::field).containsExactly(
        "device.locationId", "planograms[0].slots[1].position", "planograms[0].slots[2].productId");
    assertThat(session.devices().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total())
        .isZero();
    assertThat(session.planograms().list(PageRequest.first(), Visibility.INCLUDE_DELETED)
        .total()).isZero();
    assertRows("device", 0);
    assertRows("cabinet", 0);
    assertRows("planogram", 0);
    assertRows("slot", 0);
  }

  @Test
  public void aDeviceWithMoreCabinetsThanItsTypeTakesIsRefusedAndNothingIsWritten() {
    Fleet f = fleet();
    DeviceType single = session.deviceTypes().create(new CreateDeviceType("Single", 1));
    CreateDevice twoCabinets = new CreateDevice("M1", "SN-1", f.location().id(), null, single.id(),
        List.of(new CabinetSpec(1, f.cabinetType().id(), 5, 5),
            new CabinetSpec(2, f.cabinetType().id(), 5, 5)));
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session.devices().create(twoCabinets));
    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("cabinets", "cabinets[1].index");
    assertThat(session.devices().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total())
        .isZero();
    assertRows("device", 0);
    assertRows("cabinet", 0);
  }

  @Test
  public void sellingMoreThanASlotHoldsIsRefusedAndNothingChanges() {
    Fleet f = fleet();
    DeviceSetup setup = device(f, "M1", 1);
    Slot a1 = setup.planograms().get(0).slotAt("A1").orElseThrow();
    Slot a2 = setup.planograms().get(0).slotAt("A2").orElseThrow();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> session.sales().record(new RecordSales(List.of(
            SaleEntry.sold(a1.id(), 1),
            SaleEntry.sold(a2.id(), a2.quantity() + 1),
            SaleEntry.observed(UUID.randomUUID(), 0)))));

    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("entries[1].unitsSold", "entries[2].slotId");
    assertThat(session.history().history(AuditedType.SLOT, a1.id())).hasSize(1);
    assertRows("sale", 0);
    Planogram after = session.planograms().activeFor(setup.device().cabinets().get(0).id());
    assertThat(after.slotAt("A1").orElseThrow().quantity()).isEqualTo(a1.quantity());
  }

  // ---------------------------------------------------------------- uniqueness among live rows

  @Test
  public void aDuplicateLiveSkuIsAConflictAndNothingIsWritten() {
    product("COLA");
    assertThatThrownBy(() -> product("COLA")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("COLA");
    assertThat(session.products().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total())
        .isEqualTo(1);
    assertRows("product", 1);
  }

  @Test
  public void manyProductsAreReadInOneCallDeletedOnesIncluded() {
    Product cola = product("COLA");
    Product water = product("WATER");
    session.products().delete(water.id());
    List<Product> found = session.products().getAll(List.of(cola.id(), water.id(),
        UUID.randomUUID()));
    assertThat(found).extracting(Product::sku, p -> p.deletedAt() != null)
        .containsExactlyInAnyOrder(tuple("COLA", false), tuple("WATER", true));
  }

  @Test
  public void aDeletedSkuMayBeReusedAndThenTheOldRowCannotBeRestored() {
    Product old = product("COLA");
    session.products().delete(old.id());
    Product reused = product("COLA");
    assertThat(reused.id()).isNotEqualTo(old.id());
    assertThatThrownBy(() -> session.products().restore(old.id()))
        .isInstanceOf(ConflictException.class).hasMessageContaining("COLA");
    assertThat(session.products().getBySku("COLA").id()).isEqualTo(reused.id());
  }

  @Test
  public void routeCodesSerialNumbersAndUsernamesAreUniqueAmongLiveRowsOnly() {
    Fleet f = fleet();
    Device d = device(f, "M1", 1).device();
    assertThatThrownBy(() -> device(f, "M1", 1)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("SN-M1");
    session.devices().delete(d.id());
    assertThat(device(f, "M1", 1).device().serialNumber()).isEqualTo(d.serialNumber());

    assertThatThrownBy(() -> session.routes().create(new CreateRoute("R1", "Again", null)))
        .isInstanceOf(ConflictException.class);
    session.routes().delete(f.route().id());
    assertThat(session.routes().create(new CreateRoute("R1", "Again", null)).code()).isEqualTo("R1");

    User driver = session.users().create(new CreateUser("dana", "dana@example.com", Role.DRIVER));
    assertThatThrownBy(() -> session.users()
        .create(new CreateUser("dana", "other@example.com", Role.DRIVER)))
        .isInstanceOf(ConflictException.class);
    session.users().delete(driver.id());
    assertThat(session.users().create(new CreateUser("dana", "dana@example.com", Role.VIEWER))
        .role()).isEqualTo(Role.VIEWER);
  }

  // ---------------------------------------------------------------- soft delete and restore

  @Test
  public void aSoftDeletedProductIsHiddenButStillStored() {
    Product cola = product("COLA");
    product("WATER");
    session.products().delete(cola.id());

    assertThatThrownBy(() -> session.products().get(cola.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> session.products().getBySku("COLA"))
        .isInstanceOf(NotFoundException.class);
    assertThat(session.products().list(PageRequest.first()).items()).extracting(Product::sku)
        .containsExactly("WATER");
    assertThat(session.products().list(PageRequest.first(), Visibility.ONLY_DELETED).items())
        .extracting(Product::sku).containsExactly("COLA");
    Page<Product> all = session.products().list(PageRequest.first(), Visibility.INCLUDE_DELETED);
    assertThat(all.items()).extracting(Product::sku).containsExactly("COLA", "WATER");
    assertThat(all.items().get(0).deletedAt()).isNotNull();
    assertRows("product", 2);
    assertThatThrownBy(() -> session.products().delete(cola.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  public void aRestoreBringsTheRowBackAndIsARevisionOfItsOwn() {
    Product cola = product("COLA");
    session.products().update(cola.id(),
        new UpdateProduct(null, null, null, new BigDecimal("2.00"), null, null));
    session.products().delete(cola.id());
    Product restored = session.products().restore(cola.id());

    assertThat(restored.deletedAt()).isNull();
    assertThat(restored.price()).isEqualByComparingTo("2.00");
    assertThat(session.products().get(cola.id()).sku()).isEqualTo("COLA");

    List<HistoryEntry> history = session.history().history(AuditedType.PRODUCT, cola.id());
    assertThat(history).extracting(h -> h.kind(), h -> h.info().action()).containsExactly(
        tuple(RevisionKind.CREATED, "product.create"),
        tuple(RevisionKind.MODIFIED, "product.update"),
        tuple(RevisionKind.DELETED, "product.delete"),
        tuple(RevisionKind.MODIFIED, "product.restore"));
    assertThat(history.get(1).changes())
        .containsExactly(new FieldChange("price", "1.00", "2.00"));
    assertThatThrownBy(() -> session.products().restore(cola.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  public void aDeletedDeviceAndRouteCanBeRestored() {
    Fleet f = fleet();
    Device d = device(f, "M1", 2).device();
    session.devices().delete(d.id());
    assertThat(session.devices().listByRoute(f.route().id())).isEmpty();
    Device back = session.devices().restore(d.id());
    assertThat(back.cabinets()).hasSize(2);
    assertThat(session.devices().listByRoute(f.route().id())).extracting(Device::id)
        .containsExactly(d.id());
  }

  // ---------------------------------------------------------------- history

  @Test
  public void everyRevisionRecordsWhoWhenWhereAndWhy() {
    Product cola = product("COLA");
    engine.as(Actor.user(admin.id()).withReason("price review")).products().update(cola.id(),
        new UpdateProduct(null, null, null, new BigDecimal("1.10"), null, null));

    List<HistoryEntry> history = session.history().history(AuditedType.PRODUCT, cola.id());
    assertThat(history).hasSize(2);
    HistoryEntry created = history.get(0);
    assertThat(created.info().actorId()).isEqualTo(admin.id());
    assertThat(created.info().reason()).isEqualTo("contract test");
    assertThat(created.info().clientAddress()).isEqualTo("10.0.0.7");
    assertThat(created.info().userAgent()).isEqualTo("contract-suite/1");
    assertThat(created.info().at()).isNotNull();
    assertThat(created.changes()).extracting(FieldChange::field)
        .contains("sku", "name", "price", "casePack", "active");
    HistoryEntry updated = history.get(1);
    assertThat(updated.info().reason()).isEqualTo("price review");
    assertThat(updated.info().number()).isGreaterThan(created.info().number());
    assertThat(updated.changes()).containsExactly(new FieldChange("price", "1.00", "1.10"));
  }

  @Test
  public void aSlotKeepsAHistoryOfItsQuantity() {
    Fleet f = fleet();
    DeviceSetup setup = device(f, "M1", 1);
    Slot a1 = setup.planograms().get(0).slotAt("A1").orElseThrow();
    session.sales().record(new RecordSales(List.of(SaleEntry.sold(a1.id(), 3))));
    session.sales().record(new RecordSales(List.of(SaleEntry.observed(a1.id(), 1))));

    List<HistoryEntry> history = session.history().history(AuditedType.SLOT, a1.id());
    assertThat(history).extracting(HistoryEntry::kind)
        .containsExactly(RevisionKind.CREATED, RevisionKind.MODIFIED, RevisionKind.MODIFIED);
    assertThat(history.get(1).changes()).containsExactly(new FieldChange("quantity", "8", "5"));
    assertThat(history.get(2).changes()).containsExactly(new FieldChange("quantity", "5", "1"));
    assertThat(history.get(2).info().action()).isEqualTo("sales.record");
    assertThat(session.sales().salesOf(a1.id())).extracting(s -> s.units())
        .containsExactly(3, 4);
  }

  @Test
  public void anEntityThatNeverExistedHasNoHistory() {
    assertThatThrownBy(() -> session.history().history(AuditedType.PRODUCT, UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  // ---------------------------------------------------------------- planograms

  @Test
  public void aNewPlanogramReplacesTheActiveOneAndUpdatesMatchSlotsByPosition() {
    Fleet f = fleet();
    DeviceSetup setup = device(f, "M1", 1);
    UUID cabinet = setup.device().cabinets().get(0).id();
    Planogram first = setup.planograms().get(0);

    Planogram second = session.planograms().create(new CreatePlanogram(cabinet, "Winter",
        List.of(new SlotSpec("A1", f.chips().id(), 8, 8, 0, null))));
    assertThat(session.planograms().activeFor(cabinet).id()).isEqualTo(second.id());
    assertThat(session.planograms().get(first.id()).active()).isFalse();

    Slot a1 = second.slotAt("A1").orElseThrow();
    Planogram changed = session.planograms().update(second.id(), new UpdatePlanogram(null, List.of(
        new SlotSpec("A1", f.chips().id(), 8, 6, 2, null),
        new SlotSpec("B1", f.cola().id(), 5, 5, 0, new BigDecimal("2.5")))));
    assertThat(changed.slots()).extracting(Slot::position, Slot::parLevel)
        .containsExactly(tuple("A1", 6), tuple("B1", 5));
    assertThat(changed.slotAt("A1").orElseThrow().id()).isEqualTo(a1.id());
    assertThat(changed.slotAt("A1").orElseThrow().price()).isEqualByComparingTo("0.80");
    assertThat(changed.slotAt("B1").orElseThrow().price()).isEqualByComparingTo("2.50");

    Planogram shrunk = session.planograms().update(second.id(), new UpdatePlanogram("Winter 2",
        List.of(new SlotSpec("B1", f.cola().id(), 5, 5, 0, null))));
    assertThat(shrunk.slots()).extracting(Slot::position).containsExactly("B1");
    assertThat(shrunk.name()).isEqualTo("Winter 2");
  }

  // ---------------------------------------------------------------- pick list

  @Test
  public void thePickListPreviewFillsEachSlotToParAndTotalsPerProduct() {
    Fleet f = fleet();
    DeviceSetup m1 = device(f, "M1", 1);
    DeviceSetup m2 = device(f, "M2", 2);
    Slot m1a1 = m1.planograms().get(0).slotAt("A1").orElseThrow();
    Slot m2a2 = m2.planograms().get(1).slotAt("A2").orElseThrow();
    session.sales().record(new RecordSales(List.of(
        SaleEntry.sold(m1a1.id(), 6), SaleEntry.observed(m2a2.id(), 1))));
    // a device off the route is not part of its pick list
    Device off = session.devices().create(new CreateDevice("Off", "SN-OFF", f.location().id(), null,
        f.deviceType().id(), List.of(new CabinetSpec(1, f.cabinetType().id(), 2, 2))));
    assertThat(off.routeId()).isNull();

    PickList list = session.pickLists().preview(f.route().id());

    // device(...) stocks A1 cola cap 10 par 10 qty 8; A2 chips cap 6 par 6 qty 6; B1 water cap 12 par 10 qty 4
    assertThat(list.lines()).extracting(PickLine::deviceName, PickLine::cabinetIndex,
            PickLine::position, PickLine::sku, PickLine::pick)
        .containsExactly(
            tuple("M1", 1, "A1", "COLA", 8),
            tuple("M1", 1, "B1", "WATER", 6),
            tuple("M2", 1, "A1", "COLA", 2),
            tuple("M2", 1, "B1", "WATER", 6),
            tuple("M2", 2, "A1", "COLA", 2),
            tuple("M2", 2, "A2", "CHIPS", 5),
            tuple("M2", 2, "B1", "WATER", 6));
    assertThat(list.totals()).extracting(ProductTotal::sku, ProductTotal::units)
        .containsExactly(tuple("COLA", 12), tuple("WATER", 18), tuple("CHIPS", 5));
    assertThat(list.totalUnits()).isEqualTo(35);
    assertThat(list.routeCode()).isEqualTo("R1");
  }

  @Test
  public void aPickListForAnUnknownRouteOrStrategyIsRefused() {
    Fleet f = fleet();
    assertThatThrownBy(() -> session.pickLists().preview(UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> session.pickLists().preview(f.route().id(), "fill-to-moon"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("known: fill-to-par");
  }

  @Test
  public void aDeviceCanBeMovedOffItsRoute() {
    Fleet f = fleet();
    Device d = device(f, "M1", 1).device();
    Device moved = session.devices().update(d.id(), new UpdateDevice(null, null, null, null, true));
    assertThat(moved.routeId()).isNull();
    assertThat(session.pickLists().preview(f.route().id()).lines()).isEmpty();
  }

  // ---------------------------------------------------------------- fixtures

  private Fleet fleet() {
    return EngineFixture.fleet(session);
  }

  /** A device on the fleet's route with {@code cabinets} identical 3x3 cabinets. */
  private DeviceSetup device(Fleet f, String name, int cabinets) {
    return EngineFixture.device(session, f, name, cabinets, 6);
  }

  private Product product(String sku) {
    return session.products().create(
        new CreateProduct(sku, "Product " + sku, null, new BigDecimal("1.00"), 1));
  }

  private void assertRows(String table, long expected) {
    rowCount(table).ifPresent(n -> assertThat(n).as("rows in " + table).isEqualTo(expected));
  }
}
