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
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.SaleRecord;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recording sales of 400 slots at once prepares as many SQL statements as recording sales of 5:
 * the slots are read in one statement, and the slot updates, their history rows and the sale rows
 * are each written in one batch, whatever their number. History stays complete: every changed
 * slot has its history row.
 */
class SalesStatementCountTest {
  private static final int LARGE = 400;

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void recordingManySalesPreparesTheSameStatementsAsRecordingFew(TestDatabase database)
      throws Exception {
    try (FreshDatabase db = database.fresh()) {
      AtomicReference<JpaStore> store = new AtomicReference<>();
      try (Restock engine = RestockEngine.builder().store(() -> {
        store.set((JpaStore) db.factory().open());
        return store.get();
      }).build()) {
        RestockSession ops = engine.as(Actor.system());
        Location location = ops.locations().create(new CreateLocation("Depot", null));
        DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Combo", 2));
        CabinetType cabinetType = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
        Product cola = ops.products().create(
            new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
        List<CabinetPlanogram> planograms = new ArrayList<>();
        for (int c = 1; c <= 2; c++) {
          List<SlotSpec> slots = new ArrayList<>();
          for (int row = 0; row < 12; row++) {
            for (int column = 1; column <= 20; column++) {
              slots.add(new SlotSpec((char) ('A' + row) + String.valueOf(column), cola.id(), 10,
                  8, 10, null));
            }
          }
          planograms.add(new CabinetPlanogram(c, "P" + c, slots));
        }
        DeviceSetup setup = ops.devices().setUp(new SetUpDevice(new CreateDevice("M1", "SN1",
            location.id(), null, type.id(), List.of(new CabinetSpec(1, cabinetType.id(), 12, 20),
                new CabinetSpec(2, cabinetType.id(), 12, 20))), planograms));
        List<UUID> slotIds = setup.planograms().stream()
            .flatMap(p -> p.slots().stream()).map(Slot::id).toList();
        assertThat(slotIds).hasSizeGreaterThanOrEqualTo(LARGE + 5);

        long historyBefore = count(db, "select count(*) from slot_aud");
        long small = statements(store, () -> ops.sales().record(sales(slotIds.subList(0, 5))));
        List<SaleRecord> recorded = new ArrayList<>();
        long large = statements(store, () -> recorded.addAll(
            ops.sales().record(sales(slotIds.subList(5, 5 + LARGE)))));

        assertThat(recorded).hasSize(LARGE);
        assertThat(count(db, "select count(*) from sale")).isEqualTo(5 + LARGE);
        assertThat(count(db, "select count(*) from slot_aud") - historyBefore)
            .as("one history row per changed slot").isEqualTo(5 + LARGE);
        assertThat(count(db, "select count(*) from slot where quantity = 9"))
            .isEqualTo(5 + LARGE);
        // the sales of one call keep the order they were given in
        assertThat(ids(db, "select id from sale order by seq").subList(5, 5 + LARGE))
            .isEqualTo(recorded.stream().map(r -> r.id().toString()).toList());
        System.out.printf("%s: 5 sales: %d statements; %d sales: %d statements%n", database,
            small, LARGE, large);
        assertThat(large).isEqualTo(small);
      }
    }
  }

  private static RecordSales sales(List<UUID> slots) {
    return new RecordSales(slots.stream().map(s -> SaleEntry.sold(s, 1)).toList());
  }

  private static long statements(AtomicReference<JpaStore> store, Supplier<?> work) {
    long before = store.get().preparedStatementCount();
    work.get();
    return store.get().preparedStatementCount() - before;
  }

  private static long count(FreshDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> ids(FreshDatabase db, String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
