package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
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
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads returning aggregates with children load them in a fixed number of statements whatever
 * the page size: a page of devices with their cabinets, a page of devices with cabinets,
 * planograms and slots, a page of orders with visits and lines, a page of delivery notes with
 * their lines.
 */
class ReadStatementCountTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aPageOfAggregatesWithChildrenCostsTheSameStatementsAtAnySize(TestDatabase database)
      throws Exception {
    try (FreshDatabase db = database.fresh()) {
      AtomicReference<JpaStore> store = new AtomicReference<>();
      try (Restock engine = RestockEngine.builder().store(() -> {
        store.set((JpaStore) db.factory().open());
        return store.get();
      }).build()) {
        RestockSession s = engine.as(Actor.system());
        Location location = s.locations().create(new CreateLocation("Depot", null));
        DeviceType type = s.deviceTypes().create(new CreateDeviceType("Combo", 2));
        CabinetType cabinetType = s.cabinetTypes().create(new CreateCabinetType("Ambient"));
        Route route = s.routes().create(new CreateRoute("R1", "North", 7));
        Product cola = s.products().create(
            new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
        int devices = 70; // more than Hibernate's batch fetch size of 64
        for (int i = 0; i < devices; i++) {
          List<CabinetPlanogram> planograms = new ArrayList<>();
          for (int c = 1; c <= 2; c++) {
            planograms.add(new CabinetPlanogram(c, "P" + i + "-" + c,
                List.of(new SlotSpec("A1", cola.id(), 10, 8, 2, null))));
          }
          s.devices().setUp(new SetUpDevice(new CreateDevice(String.format("M%03d", i),
              "SN" + i, location.id(), route.id(), type.id(),
              List.of(new CabinetSpec(1, cabinetType.id(), 2, 2),
                  new CabinetSpec(2, cabinetType.id(), 2, 2))), planograms));
        }
        User driver = s.users().create(new CreateUser("dan", "dan@example.com", Role.DRIVER));
        s.stock().receive(cola.id(), 3 * devices * 2 * 6, "delivery");
        for (int i = 0; i < 3; i++) {
          ServiceOrder order = s.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
          s.serviceOrders().assign(order.id(), driver.id());
          s.serviceOrders().dispatch(order.id());
        }

        long small = statements(store, () -> s.devices().list(PageRequest.of(0, 5),
            Visibility.LIVE));
        long large = statements(store, () -> {
          Page<Device> page = s.devices().list(PageRequest.of(0, devices), Visibility.LIVE);
          assertThat(page.items()).hasSize(devices).allSatisfy(d ->
              assertThat(d.cabinets()).hasSize(2));
          return page;
        });
        assertThat(large).as("device page of %d vs 5", devices).isEqualTo(small);
        long byCriteria = statements(store, () -> s.devices().find(Criteria.all(),
            PageRequest.of(0, devices), Visibility.LIVE));
        assertThat(byCriteria).isEqualTo(small);

        long smallWithPlanograms = statements(store, () -> s.devices().listWithPlanograms(
            PageRequest.of(0, 5)));
        long largeWithPlanograms = statements(store, () -> {
          Page<DeviceSetup> page = s.devices().listWithPlanograms(PageRequest.of(0, devices));
          assertThat(page.items()).hasSize(devices).allSatisfy(d -> {
            assertThat(d.planograms()).hasSize(2);
            assertThat(d.planograms()).allSatisfy(p -> assertThat(p.slots()).hasSize(1));
          });
          return page;
        });
        assertThat(largeWithPlanograms).as("devices with planograms, page of %d vs 5", devices)
            .isEqualTo(smallWithPlanograms);
        UUID first = s.devices().getBySerialNumber("SN0").id();
        long oneWithPlanograms = statements(store, () -> s.devices().getWithPlanograms(first));

        long oneOrder = statements(store, () -> s.serviceOrders().list(PageRequest.of(0, 1)));
        long threeOrders = statements(store, () -> {
          Page<ServiceOrder> page = s.serviceOrders().list(PageRequest.of(0, 3));
          assertThat(page.items()).hasSize(3).allSatisfy(o -> {
            assertThat(o.visits()).hasSize(devices * 2);
            assertThat(o.visits()).allSatisfy(v -> assertThat(v.lines()).hasSize(1));
          });
          return page;
        });
        assertThat(threeOrders).as("order page of 3 (140 visits each) vs 1").isEqualTo(oneOrder);
        long oneNote = statements(store, () -> s.stock().deliveryNotes(Criteria.all(),
            PageRequest.of(0, 1)));
        long threeNotes = statements(store, () -> {
          Page<DeliveryNote> page = s.stock().deliveryNotes(Criteria.where("routeId",
              Criteria.Operator.EQ, route.id()), PageRequest.of(0, 3));
          assertThat(page.items()).hasSize(3).allSatisfy(n ->
              assertThat(n.lines()).singleElement().satisfies(l ->
                  assertThat(l.quantity()).isEqualTo(devices * 2 * 6)));
          return page;
        });
        assertThat(threeNotes).as("delivery note page of 3 vs 1").isEqualTo(oneNote);
        List<UUID> gone = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
          Product p = s.products().create(new CreateProduct("OLD" + i, "Old " + i, "Drinks",
              BigDecimal.ONE, 6));
          s.products().delete(p.id());
          gone.add(p.id());
        }
        long oneDeletion = statements(store, () -> s.history().deletions(AuditedType.PRODUCT,
            gone.subList(0, 1)));
        long twelveDeletions = statements(store, () -> {
          assertThat(s.history().deletions(AuditedType.PRODUCT, gone)).hasSize(12);
          return null;
        });
        assertThat(twelveDeletions).as("deletions of 12 products vs 1").isEqualTo(oneDeletion);
        List<SaleEntry> sold = s.devices().listWithPlanograms(PageRequest.of(0, devices)).items()
            .stream().flatMap(d -> d.planograms().stream()).flatMap(p -> p.slots().stream())
            .map(slot -> SaleEntry.sold(slot.id(), 1)).toList();
        s.sales().record(new RecordSales(sold));
        long oneSale = statements(store, () -> s.sales().find(Criteria.all(),
            PageRequest.of(0, 1)));
        long allSales = statements(store, () -> {
          Page<SaleRecord> page = s.sales().find(Criteria.where("routeId", Criteria.Operator.EQ,
              route.id()).and("sku", Criteria.Operator.EQ, "COLA"), PageRequest.of(0, 500));
          assertThat(page.items()).hasSize(devices * 2);
          return page;
        });
        assertThat(allSales).as("sale page of %d vs 1", devices * 2).isEqualTo(oneSale)
            .isEqualTo(2);
        for (int i = 0; i < 30; i++) {
          s.products().create(new CreateProduct(String.format("NEW%02d", i), "New " + i, "Drinks",
              BigDecimal.ONE, 6));
        }
        long oneLevel = statements(store, () -> s.stock().levels(Criteria.all(),
            PageRequest.of(0, 1)));
        long allLevels = statements(store, () -> {
          Page<StockLevel> page = s.stock().levels(Criteria.where("onHand", Criteria.Operator.LE,
              0), PageRequest.of(0, 500));
          assertThat(page.items()).hasSize(31);
          return page;
        });
        assertThat(allLevels).as("stock level page of 31 vs 1").isEqualTo(oneLevel)
            .isEqualTo(2);
        long oneEvent = statements(store, () -> s.history().events(Criteria.all(),
            PageRequest.of(0, 1)));
        long manyEvents = statements(store, () -> {
          Page<AuditEvent> page = s.history().events(Criteria.where("action",
              Criteria.Operator.STARTS_WITH, "product."), PageRequest.of(0, 500));
          assertThat(page.items()).hasSize(1 + 12 * 2 + 30);
          return page;
        });
        assertThat(manyEvents).as("audit event page of 55 vs 1").isEqualTo(oneEvent)
            .isEqualTo(2);
        System.out.printf("%s: device page %d statements, with planograms %d (one device: %d),"
            + " order page %d statements, delivery note page %d, deletions %d, sale page %d,"
            + " stock level page %d, audit event page %d%n", database, small,
            smallWithPlanograms, oneWithPlanograms, oneOrder, oneNote, oneDeletion, oneSale,
            oneLevel, oneEvent);
      }
    }
  }

  private static long statements(AtomicReference<JpaStore> store, Supplier<?> read) {
    long before = store.get().preparedStatementCount();
    read.get();
    return store.get().preparedStatementCount() - before;
  }
}
