package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.CreateRoute;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.Route;
import dev.restock.api.picklist.PickList;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.query.PageRequest;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.stock.DeliveryNote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * Seeds a small fleet (or reuses the one a previous run seeded), records some sales, shows the
 * route's pick list, then runs the daily cycle: an order, stock received, dispatch, every visit
 * completed and the slots refilled; finally one slot's history. Safe to run again.
 */
@Command(name = "demo", description = "Seed a small fleet and run a full service cycle.")
final class DemoCommand extends EngineCommand {
  static final String ROUTE = "DEMO-1";
  /** The note the demo's driver leaves on each visit, everything delivered as planned. */
  static final String VISIT_NOTE = "Keys from the station manager, Ms Ada Lovelace (555-0100)";

  /** The quick start: the first command on a fresh clone creates its database. */
  @Override
  boolean createsDatabase() {
    return true;
  }

  @Override
  void run(Restock engine) {
    Progress progress = Progress.of(spec, "demo");
    progress.step("setting up the fleet");
    RestockSession ops = engine.as(Actor.user(admin(engine).id()).withUserAgent("restock-cli")
        .withReason("demo"));
    Route route = orGet(() -> ops.routes().getByCode(ROUTE),
        () -> ops.routes().create(new CreateRoute(ROUTE, "Demo downtown route", 7)));
    Location depot = named(ops.locations().list(PageRequest.of(0, PageRequest.MAX_SIZE)).items(),
        Location::name, "Demo Central Station",
        () -> ops.locations().create(new CreateLocation("Demo Central Station", "1 Station Sq")));
    DeviceType tower = named(ops.deviceTypes().list(PageRequest.of(0, PageRequest.MAX_SIZE))
        .items(), DeviceType::name, "Demo Tower 2",
        () -> ops.deviceTypes().create(new CreateDeviceType("Demo Tower 2", 2)));
    CabinetType ambient = named(ops.cabinetTypes().list(PageRequest.of(0, PageRequest.MAX_SIZE))
        .items(), CabinetType::name, "Ambient",
        () -> ops.cabinetTypes().create(new CreateCabinetType("Ambient")));
    CabinetType chilled = named(ops.cabinetTypes().list(PageRequest.of(0, PageRequest.MAX_SIZE))
        .items(), CabinetType::name, "Chilled",
        () -> ops.cabinetTypes().create(new CreateCabinetType("Chilled")));

    Map<String, Product> products = new LinkedHashMap<>();
    for (String[] p : new String[][] {
        {"DEMO-COLA", "Cola 33cl", "Drinks", "1.50", "24"},
        {"DEMO-WATER", "Still water 50cl", "Drinks", "1.00", "24"},
        {"DEMO-CHIPS", "Salted chips", "Snacks", "1.20", "30"},
        {"DEMO-CHOC", "Chocolate bar", "Snacks", "1.10", "48"},
        {"DEMO-GUM", "Mint gum", "Confectionery", "0.80", "50"}}) {
      products.put(p[0], orGet(() -> ops.products().getBySku(p[0]),
          () -> ops.products().create(new CreateProduct(p[0], p[1], p[2], new BigDecimal(p[3]),
              Integer.valueOf(p[4])))));
    }

    List<Device> devices = new ArrayList<>();
    for (int m = 1; m <= 3; m++) {
      String serial = "DEMO-SN-00" + m;
      String name = "Demo machine " + m;
      devices.add(orGet(() -> ops.devices().getBySerialNumber(serial),
          () -> ops.devices().setUp(new SetUpDevice(
              new CreateDevice(name, serial, depot.id(), route.id(), tower.id(), List.of(
                  new CabinetSpec(1, ambient.id(), 4, 6), new CabinetSpec(2, chilled.id(), 3, 5))),
              List.of(
                  new CabinetPlanogram(1, name + " snacks", List.of(
                      slot("A1", products.get("DEMO-CHIPS"), 12, 10),
                      slot("A2", products.get("DEMO-CHOC"), 15, 12),
                      slot("B1", products.get("DEMO-GUM"), 20, 16),
                      slot("B2", products.get("DEMO-CHOC"), 15, 12))),
                  new CabinetPlanogram(2, name + " drinks", List.of(
                      slot("A1", products.get("DEMO-COLA"), 10, 8),
                      slot("A2", products.get("DEMO-WATER"), 10, 8),
                      slot("B1", products.get("DEMO-COLA"), 10, 8))))))
              .device()));
    }

    progress.step("recording sales");
    // a day of sales: a few units from some slots (never more than a slot holds)
    List<SaleEntry> sales = new ArrayList<>();
    int k = 0;
    for (Device d : devices) {
      for (var cabinet : d.cabinets()) {
        Planogram p = ops.planograms().activeFor(cabinet.id());
        for (Slot s : p.slots()) {
          int units = Math.min(s.quantity(), 1 + (k++ % 5));
          sales.add(SaleEntry.sold(s.id(), units));
        }
      }
    }
    ops.sales().record(new RecordSales(sales));

    progress.step("computing the pick list");
    PickList list = ops.pickLists().preview(route.id());
    progress.step("creating and dispatching the order");

    // the daily job: an order from the pick list, stock received, dispatched, every visit done
    User driver = orGet(() -> ops.users().getByUsername("demo-driver"), () -> ops.users()
        .create(new CreateUser("demo-driver", "driver@restock.example", Role.DRIVER)));
    ServiceOrder order = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
    ops.serviceOrders().assign(order.id(), driver.id());
    Map<java.util.UUID, Integer> needed = new LinkedHashMap<>();
    order.visits().forEach(v -> v.lines().forEach(
        l -> needed.merge(l.productId(), l.planned(), Integer::sum)));
    needed.forEach((product, units) -> ops.stock().receive(product, units, "demo delivery"));
    DeliveryNote note = ops.serviceOrders().dispatch(order.id());
    ServiceOrder done = order;
    int completed = 0;
    for (Visit visit : order.visits()) {
      progress.count(completed++, order.visits().size(), "visits completed");
      // a driver's note names people: personal data, encrypted at rest like emails and addresses
      done = ops.serviceOrders().completeVisit(order.id(), visit.id(), new CompleteVisit(
          java.util.Map.of(), false, VISIT_NOTE));
    }
    progress.count(completed, order.visits().size(), "visits completed");
    progress.done();

    Slot tracked = ops.planograms().activeFor(devices.get(0).cabinets().get(0).id())
        .slotAt("A1").orElseThrow();
    var history = ops.history().history(AuditedType.SLOT, tracked.id());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("pickList", list);
    result.put("order", done);
    result.put("deliveryNote", note);
    result.put("slot", tracked);
    result.put("slotHistory", history);
    ServiceOrder finished = done;
    print(result, () -> {
      out().println("Restock demo on " + engine.storeDescription());
      out().println("Route " + route.code() + ": " + devices.size() + " machines, "
          + products.size() + " products; recorded " + sales.size() + " slot sales.");
      out().println();
      PickListCommand.render(list, out());
      out().println();
      out().println("Order " + finished.number() + " for " + driver.username() + ": "
          + finished.visits().size() + " visits, " + finished.totalUnits() + " units; delivery note "
          + note.number() + "; every visit completed, order " + finished.status() + ".");
      out().println();
      out().println("History of slot A1 of " + devices.get(0).name() + " (slot " + tracked.id()
          + ")");
      HistoryCommand.render(ops, history, out());
    });
  }

  private static SlotSpec slot(String position, Product product, int capacity, int par) {
    return new SlotSpec(position, product.id(), capacity, par, par, null);
  }

  /** The first administrator, created by the system actor on an empty database. */
  private static User admin(Restock engine) {
    RestockSession system = engine.as(Actor.system().withReason("demo set-up"));
    return system.users().firstAdministrator().orElseGet(() -> system.users()
        .create(new CreateUser("admin", "admin@restock.example", Role.ADMIN)));
  }

  private static <T> T orGet(Supplier<T> existing, Supplier<T> create) {
    try {
      return existing.get();
    } catch (NotFoundException e) {
      return create.get();
    }
  }

  private static <T> T named(List<T> items, java.util.function.Function<T, String> name,
      String wanted, Supplier<T> create) {
    return items.stream().filter(i -> wanted.equals(name.apply(i))).findFirst()
        .orElseGet(create);
  }
}
