package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ValidationException;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.report.DeviceUtilisation;
import dev.restock.api.report.SlotStock;
import dev.restock.api.report.StockValuation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reports through the whole engine, on any store: device utilisation, low stock, sold-out
 * slots and stock value, with their filters and validation. Extend it with an engine on a fresh,
 * empty store; the JPA store runs it on H2, SQLite and PostgreSQL, the in-memory store too.
 */
public abstract class ReportContract {
  private Restock engine;
  private RestockSession session;
  private Route north;
  private Route south;
  private Location depot;
  private Location mall;
  private Product cola;
  private Product chips;
  private DeviceSetup m1;
  private DeviceSetup m2;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @BeforeEach
  void open() {
    engine = openEngine();
    session = engine.as(Actor.system());
    depot = session.locations().create(new CreateLocation("Depot", "1 Main St"));
    mall = session.locations().create(new CreateLocation("Mall", "2 High St"));
    north = session.routes().create(new CreateRoute("N", "North", 7));
    south = session.routes().create(new CreateRoute("S", "South", 7));
    DeviceType combo = session.deviceTypes().create(new CreateDeviceType("Combo", 2));
    CabinetType ambient = session.cabinetTypes().create(new CreateCabinetType("Ambient"));
    cola = session.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.50"), 24));
    chips = session.products().create(
        new CreateProduct("CHIPS", "Chips", "Snacks", new BigDecimal("0.80"), 10));
    m1 = device("M1", depot, north, combo, ambient, 2);
    m2 = device("M2", mall, south, combo, ambient, 1);
  }

  private DeviceSetup device(String name, Location location, Route route, DeviceType type,
      CabinetType cabinetType, int cabinets) {
    List<CabinetSpec> specs = new ArrayList<>();
    List<CabinetPlanogram> planograms = new ArrayList<>();
    for (int i = 1; i <= cabinets; i++) {
      specs.add(new CabinetSpec(i, cabinetType.id(), 3, 3));
      planograms.add(new CabinetPlanogram(i, name + " " + i, List.of(
          new SlotSpec("A1", cola.id(), 10, 10, 10, null),
          new SlotSpec("A2", chips.id(), 10, 10, 10, null),
          new SlotSpec("B1", null, 5, 0, 0, null))));
    }
    return session.devices().setUp(new SetUpDevice(new CreateDevice(name, "SN-" + name,
        location.id(), route.id(), type.id(), specs), planograms));
  }

  private Slot slot(DeviceSetup device, int cabinet, String position) {
    return device.planograms().get(cabinet - 1).slots().stream()
        .filter(s -> s.position().equals(position)).findFirst().orElseThrow();
  }

  @AfterEach
  void close() {
    engine.close();
    cleanUp();
  }

  @Test
  public void deviceUtilisationCountsLiveCabinetsWithLocationAndRoute() {
    assertThat(session.reports().deviceUtilisation(null, null))
        .extracting(DeviceUtilisation::deviceName, DeviceUtilisation::cabinetCount,
            DeviceUtilisation::locationName, DeviceUtilisation::routeName)
        .containsExactly(tuple("M1", 2, "Depot", "North"), tuple("M2", 1, "Mall", "South"));
    assertThat(session.reports().deviceUtilisation(south.id(), null))
        .extracting(DeviceUtilisation::deviceName).containsExactly("M2");
    assertThat(session.reports().deviceUtilisation(null, depot.id()))
        .extracting(DeviceUtilisation::deviceName).containsExactly("M1");

    session.devices().delete(m2.device().id());
    assertThat(session.reports().deviceUtilisation(null, null))
        .extracting(DeviceUtilisation::deviceName).containsExactly("M1");
  }

  @Test
  public void lowStockAndSoldOutFollowTheSlotsPerRoute() {
    session.sales().record(new RecordSales(List.of(
        new SaleEntry(slot(m1, 1, "A1").id(), 10, null),   // sold out
        new SaleEntry(slot(m1, 2, "A2").id(), 7, null),    // 30% of par
        new SaleEntry(slot(m2, 1, "A1").id(), 5, null)))); // 50% of par

    assertThat(session.reports().soldOut(null))
        .extracting(SlotStock::deviceName, SlotStock::cabinetIndex, SlotStock::position,
            SlotStock::sku, SlotStock::quantity)
        .containsExactly(tuple("M1", 1, "A1", "COLA", 0));
    assertThat(session.reports().lowStock(null, 30))
        .extracting(SlotStock::deviceName, SlotStock::cabinetIndex, SlotStock::position,
            SlotStock::percentOfPar)
        .containsExactly(tuple("M1", 1, "A1", 0), tuple("M1", 2, "A2", 30));
    assertThat(session.reports().lowStock(null, 50)).hasSize(3);
    assertThat(session.reports().lowStock(south.id(), 50))
        .extracting(SlotStock::routeCode, SlotStock::deviceName).containsExactly(tuple("S", "M2"));
    assertThat(session.reports().soldOut(south.id())).isEmpty();
    assertThatThrownBy(() -> session.reports().lowStock(null, 101))
        .isInstanceOf(ValidationException.class).hasMessageContaining("percentOfPar");
  }

  @Test
  public void stockValueIsOnHandTimesPrice() {
    session.stock().receive(cola.id(), 100, "delivery");
    session.stock().receive(chips.id(), 25, "delivery");

    StockValuation value = session.reports().stockValue();

    assertThat(value.lines()).extracting(StockValuation.Line::sku, StockValuation.Line::onHand,
            l -> l.value().toPlainString())
        .containsExactly(tuple("CHIPS", 25, "20.00"), tuple("COLA", 100, "150.00"));
    assertThat(value.total()).isEqualByComparingTo("170.00");
  }
}
