package dev.restock.plugin.tck;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.NotFoundException;
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
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderLine;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.query.PageRequest;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operators' everyday concurrent mix, for concurrency tests on any store and from any
 * number of threads or processes: stock receipts, dispatches and visit completions, with several
 * visits of one order completed by different workers at once. Job {@code j} is a receipt when
 * {@code j % 3 == 0}, a dispatch of its own order when {@code 1}, and the completion of one visit
 * when {@code 2}; consecutive visit jobs complete visits of the same order.
 *
 * <p>{@link #setUp} writes the fleet, the orders and the opening stock; {@link #plan} reads back
 * what each job acts on (the same in every process); {@link #run} runs one job; {@link
 * #violations} checks the invariants afterwards.
 */
public final class ConcurrentWorkload {
  /** Units each receipt job adds. */
  public static final int RECEIPT_UNITS = 5;
  /** Opening stock of each product: more than every dispatch needs. */
  public static final int OPENING_STOCK = 2_000;
  /** Route of the orders that dispatch jobs dispatch. */
  public static final String DISPATCH_ROUTE = "RD";
  private static final int DEVICES_PER_VISIT_ROUTE = 2;
  private static final int CABINETS = 3;
  private static final int VISITS_PER_ORDER = DEVICES_PER_VISIT_ROUTE * CABINETS;
  // fill-to-par of the planogram below: cola 2 -> 10, chips 4 -> 10
  private static final int COLA_BEFORE = 2;
  private static final int CHIPS_BEFORE = 4;
  private static final int FULL = 10;

  private ConcurrentWorkload() {}

  /** What the jobs act on, in job order. */
  public record Plan(UUID cola, UUID chips, List<UUID> dispatchOrders, List<VisitRef> visits) {}

  /** One visit of one order. */
  public record VisitRef(UUID orderId, UUID visitId) {}

  static int count(int jobs, int kind) {
    return jobs <= kind ? 0 : (jobs - kind + 2) / 3;
  }

  /**
   * Writes the fleet, an ASSIGNED order for each dispatch job and DISPATCHED (IN_PROGRESS) orders
   * whose visits the visit jobs complete, each order of those on a route of its own (so that no
   * two orders fill the same slots); returns the administrator the jobs act as.
   */
  public static User setUp(Restock engine, int jobs) {
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    RestockSession ops = engine.as(Actor.user(admin.id()));
    User driver = ops.users().create(new CreateUser("dave", "dave@example.com", Role.DRIVER));
    Location depot = ops.locations().create(new CreateLocation("Depot", null));
    DeviceType type = ops.deviceTypes().create(new CreateDeviceType("Triple", CABINETS));
    CabinetType ambient = ops.cabinetTypes().create(new CreateCabinetType("Ambient"));
    Product cola = ops.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
    Product chips = ops.products().create(
        new CreateProduct("CHIPS", "Chips", "Snacks", new BigDecimal("0.80"), 10));
    ops.stock().receive(cola.id(), OPENING_STOCK, "opening stock");
    ops.stock().receive(chips.id(), OPENING_STOCK, "opening stock");

    Route dispatchRoute = ops.routes().create(new CreateRoute(DISPATCH_ROUTE, "Dispatch", 7));
    device(ops, depot, dispatchRoute, type, ambient, cola, chips, "D", 1);
    for (int i = 0; i < count(jobs, 1); i++) {
      ServiceOrder o = ops.serviceOrders().create(CreateServiceOrder.forRoute(dispatchRoute.id()));
      ops.serviceOrders().assign(o.id(), driver.id());
    }
    int visitOrders = (count(jobs, 2) + VISITS_PER_ORDER - 1) / VISITS_PER_ORDER;
    for (int r = 0; r < visitOrders; r++) {
      Route route = ops.routes().create(new CreateRoute("RV" + r, "Visits " + r, 7));
      for (int d = 0; d < DEVICES_PER_VISIT_ROUTE; d++) {
        device(ops, depot, route, type, ambient, cola, chips, "V" + r + "-" + d, CABINETS);
      }
      ServiceOrder o = ops.serviceOrders().create(CreateServiceOrder.forRoute(route.id()));
      ops.serviceOrders().assign(o.id(), driver.id());
      ops.serviceOrders().dispatch(o.id());
    }
    return admin;
  }

  private static void device(RestockSession ops, Location depot, Route route, DeviceType type,
      CabinetType ambient, Product cola, Product chips, String name, int cabinets) {
    List<CabinetSpec> specs = new ArrayList<>();
    List<CabinetPlanogram> planograms = new ArrayList<>();
    for (int c = 1; c <= cabinets; c++) {
      specs.add(new CabinetSpec(c, ambient.id(), 3, 3));
      planograms.add(new CabinetPlanogram(c, name + " #" + c, List.of(
          new SlotSpec("A1", cola.id(), FULL, FULL, COLA_BEFORE, null),
          new SlotSpec("A2", chips.id(), FULL, FULL, CHIPS_BEFORE, null))));
    }
    ops.devices().setUp(new SetUpDevice(new CreateDevice(name, "SN-" + name, depot.id(),
        route.id(), type.id(), specs), planograms));
  }

  /** What each job acts on, read from the store; the same for every process at any time. */
  public static Plan plan(RestockSession ops) {
    UUID dispatchRoute = ops.routes().getByCode(DISPATCH_ROUTE).id();
    List<ServiceOrder> orders = orders(ops);
    List<UUID> dispatch = new ArrayList<>();
    List<VisitRef> visits = new ArrayList<>();
    for (ServiceOrder o : orders) {
      if (o.routeId().equals(dispatchRoute)) {
        dispatch.add(o.id());
      } else {
        o.visits().forEach(v -> visits.add(new VisitRef(o.id(), v.id())));
      }
    }
    return new Plan(ops.products().getBySku("COLA").id(), ops.products().getBySku("CHIPS").id(),
        dispatch, visits);
  }

  private static List<ServiceOrder> orders(RestockSession ops) {
    List<ServiceOrder> orders = new ArrayList<>(
        ops.serviceOrders().list(PageRequest.of(0, PageRequest.MAX_SIZE)).items());
    orders.sort(Comparator.comparing(ServiceOrder::number));
    return orders;
  }

  /** Runs job {@code job} as {@code ops}. */
  public static void run(RestockSession ops, Plan plan, int job) {
    int k = job / 3;
    switch (job % 3) {
      case 0 -> ops.stock().receive(k % 2 == 0 ? plan.cola() : plan.chips(), RECEIPT_UNITS,
          "job " + job);
      case 1 -> ops.serviceOrders().dispatch(plan.dispatchOrders().get(k));
      default -> {
        VisitRef v = plan.visits().get(k);
        ops.serviceOrders().completeVisit(v.orderId(), v.visitId(), CompleteVisit.asPlanned());
      }
    }
  }

  /**
   * Every invariant the workload must keep once all {@code jobs} succeeded, as a list of what is
   * wrong (empty when all hold): each dispatch order dispatched once with a delivery note; each
   * visit completed once, its slots filled exactly once; an order COMPLETED exactly when all its
   * visits are; order and delivery note numbers gapless; stock equal to receipts minus
   * dispatched units.
   */
  public static List<String> violations(RestockSession ops, int jobs) {
    return violations(ops, count(jobs, 0), count(jobs, 1), count(jobs, 2));
  }

  /**
   * {@link #violations(RestockSession, int)} after the first {@code receipts} receipt jobs, the
   * first {@code dispatches} dispatch jobs and the first {@code visits} visit jobs ran.
   */
  public static List<String> violations(RestockSession ops, int receipts, int dispatches,
      int visits) {
    List<String> problems = new ArrayList<>();
    Plan plan = plan(ops);
    String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
    List<ServiceOrder> orders = orders(ops);
    for (int n = 1; n <= orders.size(); n++) {
      String expected = String.format("SO-%s-%06d", year, n);
      if (!orders.get(n - 1).number().equals(expected)) {
        problems.add("order numbers not gapless: #" + n + " is " + orders.get(n - 1).number());
        break;
      }
    }
    Map<UUID, Integer> dispatched = new HashMap<>();
    int notes = 0;
    for (int n = 1; ; n++) {
      DeliveryNote note;
      try {
        note = ops.stock().deliveryNote(String.format("DN-%s-%06d", year, n));
      } catch (NotFoundException e) {
        break;
      }
      notes++;
      for (DeliveryNoteLine l : note.lines()) {
        dispatched.merge(l.productId(), l.quantity(), Integer::sum);
      }
    }
    long withNotes = orders.stream().filter(o -> o.deliveryNoteId() != null).count();
    if (withNotes != notes) {
      problems.add(withNotes + " orders have a delivery note but DN numbers 1.." + notes
          + " are the gapless run found");
    }
    for (int k = 0; k < plan.dispatchOrders().size(); k++) {
      ServiceOrder o = ops.serviceOrders().get(plan.dispatchOrders().get(k));
      boolean done = k < dispatches;
      if (o.status() != (done ? OrderStatus.IN_PROGRESS : OrderStatus.ASSIGNED)
          || (o.deliveryNoteId() != null) != done) {
        problems.add("dispatch order " + o.number() + " is " + o.status() + " with note "
            + o.deliveryNoteId());
      }
    }
    int visitJobs = visits;
    for (int k = 0; k < plan.visits().size(); k++) {
      VisitRef ref = plan.visits().get(k);
      ServiceOrder o = ops.serviceOrders().get(ref.orderId());
      Visit v = o.visit(ref.visitId()).orElseThrow();
      boolean done = k < visitJobs;
      if (v.status() != (done ? VisitStatus.COMPLETED : VisitStatus.PENDING)) {
        problems.add("visit " + k + " of " + o.number() + " is " + v.status());
      }
      for (OrderLine l : v.lines()) {
        if (done && (l.delivered() == null || l.delivered() != l.planned())) {
          problems.add("visit " + k + " line " + l.position() + " delivered " + l.delivered()
              + " of " + l.planned());
        }
      }
      Planogram p = ops.planograms().activeFor(v.cabinetId());
      for (Slot s : p.slots()) {
        int before = s.position().equals("A1") ? COLA_BEFORE : CHIPS_BEFORE;
        int expected = done ? FULL : before;
        if (s.quantity() != expected) {
          problems.add("slot " + s.position() + " of visit " + k + " of " + o.number()
              + " holds " + s.quantity() + ", expected " + expected);
        }
      }
      boolean allDone = o.visits().stream().allMatch(x -> x.status() == VisitStatus.COMPLETED);
      OrderStatus expected = allDone ? OrderStatus.COMPLETED : OrderStatus.IN_PROGRESS;
      if (o.status() != expected) {
        problems.add("order " + o.number() + " is " + o.status() + ", expected " + expected);
      }
    }
    int colaReceipts = (receipts + 1) / 2;
    int chipsReceipts = receipts / 2;
    check(problems, ops, plan.cola(), "COLA",
        OPENING_STOCK + colaReceipts * RECEIPT_UNITS - dispatched.getOrDefault(plan.cola(), 0));
    check(problems, ops, plan.chips(), "CHIPS",
        OPENING_STOCK + chipsReceipts * RECEIPT_UNITS - dispatched.getOrDefault(plan.chips(), 0));
    return problems;
  }

  private static void check(List<String> problems, RestockSession ops, UUID product, String sku,
      int expected) {
    int onHand = ops.stock().level(product).onHand();
    if (onHand != expected) {
      problems.add("stock of " + sku + " is " + onHand + ", receipts minus dispatched say "
          + expected);
    }
  }
}
