package dev.restock.jpa.contract;

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
import dev.restock.api.planogram.Positions;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Creating an order for a route of 30 machines x 2 cabinets x 40 slots prepares as many SQL
 * statements as for a route of one machine: reads are joined, writes are batched.
 */
class OrderStatementCountTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void creatingAnOrderPreparesTheSameStatementsForASmallAndALargeRoute(TestDatabase database)
      throws Exception {
    try (FreshDatabase db = database.fresh()) {
      AtomicReference<JpaStore> store = new AtomicReference<>();
      try (Restock engine = RestockEngine.builder().store(() -> {
        store.set((JpaStore) db.factory().open());
        return store.get();
      }).build()) {
        RestockSession ops = engine.as(Actor.user(engine.as(Actor.system()).users()
            .create(new CreateUser("admin", "admin@example.com", Role.ADMIN)).id()));
        Location location = ops.locations().create(new CreateLocation("Depot", null));
        DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Combo", 2));
        CabinetType cabinetType = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
        List<Product> products = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
          products.add(ops.products().create(new CreateProduct("P" + p, "Product " + p, "C" + p % 3,
              BigDecimal.ONE, 6)));
        }
        Route small = route(ops, "SMALL", 1, location, type, cabinetType, products);
        Route large = route(ops, "LARGE", 30, location, type, cabinetType, products);

        long smallCount = statements(store.get(), () -> ops.serviceOrders()
            .create(CreateServiceOrder.forRoute(small.id())));
        ServiceOrder[] largeOrder = new ServiceOrder[1];
        long largeCount = statements(store.get(), () -> largeOrder[0] = ops.serviceOrders()
            .create(CreateServiceOrder.forRoute(large.id())));

        assertThat(largeOrder[0].visits()).hasSize(60);
        assertThat(largeOrder[0].visits().stream().mapToInt(v -> v.lines().size()).sum())
            .isEqualTo(2400);
        System.out.printf("%s: order for 1 machine: %d statements; for 30 machines x 2 cabinets"
            + " x 40 slots: %d statements%n", database, smallCount, largeCount);
        assertThat(largeCount).isEqualTo(smallCount);
      }
    }
  }

  /**
   * Issue 17: a visit's lines are audited as one document, so an order of 2,400 lines writes one
   * lines history row per visit and none per line; history still names every line.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void creatingAnOrderWritesOneLinesHistoryRowPerVisitAndNonePerLine(TestDatabase database)
      throws Exception {
    try (FreshDatabase db = database.fresh();
        Restock engine = RestockEngine.builder().store(db.factory()).build()) {
      RestockSession ops = engine.as(Actor.user(engine.as(Actor.system()).users()
          .create(new CreateUser("admin", "admin@example.com", Role.ADMIN)).id()));
      Location location = ops.locations().create(new CreateLocation("Depot", null));
      DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Combo", 2));
      CabinetType cabinetType = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
      List<Product> products = new ArrayList<>();
      for (int p = 0; p < 20; p++) {
        products.add(ops.products().create(new CreateProduct("P" + p, "Product " + p, "C" + p % 3,
            BigDecimal.ONE, 6)));
      }
      Route large = route(ops, "LARGE", 30, location, type, cabinetType, products);

      ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(large.id()));

      assertThat(order.visits().stream().mapToInt(v -> v.lines().size()).sum()).isEqualTo(2400);
      assertThat(db.count("order_line")).isEqualTo(2400);
      assertThat(db.count("order_line_aud")).as("per-line history rows").isZero();
      assertThat(db.count("service_visit_lines_aud")).isEqualTo(60);
      var history = ops.history().history(dev.restock.api.audit.AuditedType.SERVICE_ORDER,
          order.id());
      assertThat(history).hasSize(1);
      assertThat(history.get(0).changes()).filteredOn(c -> c.field().startsWith("line["))
          .hasSize(2400);
    }
  }

  private static long statements(JpaStore store, Runnable work) {
    long before = store.preparedStatementCount();
    work.run();
    return store.preparedStatementCount() - before;
  }

  private static Route route(RestockSession ops, String code, int machines, Location location,
      DeviceType type, CabinetType cabinetType, List<Product> products) {
    Route route = ops.routes().create(new CreateRoute(code, code, 7));
    for (int m = 0; m < machines; m++) {
      List<CabinetPlanogram> planograms = new ArrayList<>();
      for (int c = 1; c <= 2; c++) {
        List<SlotSpec> slots = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
          String position = (char) ('A' + s / 8) + String.valueOf(s % 8 + 1);
          assertThat(Positions.valid(position)).isTrue();
          slots.add(new SlotSpec(position, products.get((s + m) % products.size()).id(), 10, 8,
              s % 8, null));
        }
        planograms.add(new CabinetPlanogram(c, code + m + "-" + c, slots));
      }
      ops.devices().setUp(new SetUpDevice(new CreateDevice("M" + m, code + "-SN" + m,
          location.id(), route.id(), type.id(), List.of(new CabinetSpec(1, cabinetType.id(), 5, 8),
              new CabinetSpec(2, cabinetType.id(), 5, 8))), planograms));
    }
    return route;
  }
}
