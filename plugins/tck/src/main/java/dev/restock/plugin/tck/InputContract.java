package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.CabinetPlanogram;
import dev.restock.api.fleet.CabinetSpec;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.UpdateCabinetType;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.fleet.UpdateDeviceType;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.fleet.UpdateRoute;
import dev.restock.api.planogram.CreatePlanogram;
import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.planogram.UpdatePlanogram;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.Visit;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.query.Visibility;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.UpdateUser;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on any store: values at the edge of what a column holds are stored exactly, values
 * beyond it are refused with a {@link ValidationException} naming the field and nothing written,
 * skus are unique ignoring the case of ASCII letters, and an update that changes nothing writes
 * neither a revision nor an audit event. Extend it with an engine on a new, empty store; a store
 * with tables may also answer {@link #rowCount} so refusals are checked row by row.
 */
public abstract class InputContract {
  private Restock engine;
  private RestockSession session;

  /** An engine on a new, empty store. */
  protected abstract Restock openEngine();

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  /**
   * Rows of a table (product, stock_level, audit_log), soft-deleted ones included, for stores
   * that have tables; empty (the default) for stores without.
   */
  protected OptionalLong rowCount(String table) {
    return OptionalLong.empty();
  }

  @BeforeEach
  void startEngine() {
    engine = openEngine();
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    session = engine.as(Actor.user(admin.id()).withReason("input contract"));
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  // ---------------------------------------------------------------- numbers

  @Test
  public void theLargestPriceTheColumnsHoldIsStoredAndReadBackExactly() {
    Product p = session.products().create(
        new CreateProduct("MAX", "Most expensive", null, new BigDecimal("9999999999.99"), 1));

    assertThat(session.products().get(p.id()).price()).isEqualByComparingTo("9999999999.99");
    assertThat(session.products().list(PageRequest.first()).items())
        .extracting(Product::sku).containsExactly("MAX");
  }

  @Test
  public void aReceiptThatWouldTakeStockBeyondItsLimitIsRefusedAndNothingIsWritten() {
    Product cola = session.products().create(
        new CreateProduct("COLA", "Cola", null, BigDecimal.ONE, 1));
    session.stock().receive(cola.id(), 10, "first delivery");
    long events = events();

    assertThat(fields(() -> session.stock().receive(cola.id(), StockLevel.MAX_ON_HAND, null)))
        .containsExactly("units");
    assertThat(fields(() -> session.stock().receive(cola.id(), Integer.MAX_VALUE, null)))
        .containsExactly("units");
    assertThat(fields(() -> session.stock().adjust(cola.id(), Integer.MIN_VALUE, "count")))
        .containsExactly("delta");

    assertThat(session.stock().level(cola.id()).onHand()).isEqualTo(10);
    assertThat(events()).isEqualTo(events);
    StockLevel full = session.stock().receive(cola.id(), StockLevel.MAX_ON_HAND - 10, null);
    assertThat(full.onHand()).isEqualTo(StockLevel.MAX_ON_HAND);
    assertThat(fields(() -> session.stock().receive(cola.id(), 1, null)))
        .containsExactly("units");
    assertThat(session.stock().level(cola.id()).onHand()).isEqualTo(StockLevel.MAX_ON_HAND);
  }

  @Test
  public void anActorWhoseReasonOrOriginIsTooLongForHistoryIsRefusedByNameAndNothingIsWritten() {
    long products = session.products().list(PageRequest.first(), Visibility.INCLUDE_DELETED)
        .total();
    long events = events();
    UUID admin = session.actor().userId();
    String longest = "r".repeat(Actor.MAX_REASON);
    Actor tooMuch = new Actor(admin, "1".repeat(Actor.MAX_CLIENT_ADDRESS + 1),
        "a".repeat(Actor.MAX_USER_AGENT + 1), longest + "r", "c".repeat(Actor.MAX_CORRELATION_ID + 1));

    assertThat(fields(() -> engine.as(tooMuch)))
        .containsExactly("actor.clientAddress", "actor.userAgent", "actor.reason",
            "actor.correlationId");
    assertThat(fields(() -> engine.inUnitOfWork(tooMuch, s -> s.products().create(
        new CreateProduct("LONG", "Long", null, BigDecimal.ONE, 1)))))
        .contains("actor.reason");
    assertThat(session.products().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total())
        .isEqualTo(products);
    assertThat(events()).isEqualTo(events);

    // the longest values the history holds are stored exactly
    Product p = engine.as(new Actor(admin, "1".repeat(Actor.MAX_CLIENT_ADDRESS),
        "a".repeat(Actor.MAX_USER_AGENT), longest, "c".repeat(Actor.MAX_CORRELATION_ID)))
        .products().create(new CreateProduct("LONG", "Long", null, BigDecimal.ONE, 1));
    var revision = session.history().history(AuditedType.PRODUCT, p.id()).get(0).info();
    assertThat(revision.reason()).isEqualTo(longest);
    assertThat(revision.userAgent()).hasSize(Actor.MAX_USER_AGENT);
  }

  @Test
  public void anOrdersReasonsFitHistoryOrAreRefusedByName() {
    Fleet f = EngineFixture.fleet(session);
    EngineFixture.device(session, f, "D1", 1, 3);
    User driver = session.users().create(new CreateUser("drv", "drv@example.com", Role.DRIVER));
    ServiceOrder order = session.serviceOrders().create(CreateServiceOrder.forRoute(
        f.route().id()));
    long events = events();
    String tooLong = "r".repeat(Actor.MAX_REASON + 1);

    assertThat(fields(() -> session.serviceOrders().assign(order.id(), driver.id(), tooLong)))
        .containsExactly("reason");
    assertThat(fields(() -> session.serviceOrders().cancel(order.id(), tooLong)))
        .containsExactly("reason");
    assertThat(events()).isEqualTo(events);
    assertThat(session.serviceOrders().get(order.id()).status()).isEqualTo(OrderStatus.PENDING);

    String longest = "r".repeat(Actor.MAX_REASON);
    session.serviceOrders().cancel(order.id(), longest);
    assertThat(session.serviceOrders().get(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    var revisions = session.history().history(AuditedType.SERVICE_ORDER, order.id());
    assertThat(revisions.get(revisions.size() - 1).info().reason()).isEqualTo(longest);
  }

  @Test
  public void theFarthestPageThatCanBeAskedForIsEmptyNotAnError() {
    session.products().create(new CreateProduct("COLA", "Cola", null, BigDecimal.ONE, 1));
    PageRequest farthest = PageRequest.of(Integer.MAX_VALUE / PageRequest.MAX_SIZE,
        PageRequest.MAX_SIZE);

    var page = session.products().list(farthest, Visibility.INCLUDE_DELETED);

    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isEqualTo(1);
    assertThat(session.routes().list(farthest).items()).isEmpty();
    assertThat(fields(() -> PageRequest.of(Integer.MAX_VALUE - 1, 50))).containsExactly("page");
  }

  // ---------------------------------------------------------------- text

  @Test
  public void namesInEveryScriptAndMultiLineAddressesAreStoredExactly() {
    String name = "Çay \u0645\u0627\u0621 \ud83d\udc68\u200d\ud83c\udf73 \u6c34";
    Product p = session.products().create(new CreateProduct("TEA", name, null, BigDecimal.ONE, 1));
    Location depot = session.locations().create(new CreateLocation("Depot", "1 Main St\nNorth"));

    assertThat(session.products().get(p.id()).name()).isEqualTo(name);
    assertThat(session.locations().get(depot.id()).address()).isEqualTo("1 Main St\nNorth");
  }

  @Test
  public void skusThatDifferOnlyByCaseAreOneSku() {
    Product cola = session.products().create(
        new CreateProduct("cola-1", "Cola", null, BigDecimal.ONE, 1));
    Product tea = session.products().create(
        new CreateProduct("TEA", "Tea", null, BigDecimal.ONE, 1));
    OptionalLong rows = rowCount("product");
    long events = events();

    assertThatThrownBy(() -> session.products().create(
        new CreateProduct("COLA-1", "Cola again", null, BigDecimal.ONE, 1)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("sku");
    assertThatThrownBy(() -> session.products().update(tea.id(),
        new UpdateProduct("Cola-1", null, null, null, null, null)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("sku");

    assertThat(rowCount("product")).isEqualTo(rows);
    assertThat(events()).isEqualTo(events);
    assertThat(session.products().getBySku("CoLa-1").id()).isEqualTo(cola.id());
    assertThat(session.products().get(tea.id()).sku()).isEqualTo("TEA");
    // a product may change the case of its own sku
    assertThat(session.products().update(cola.id(),
        new UpdateProduct("COLA-1", null, null, null, null, null)).sku()).isEqualTo("COLA-1");
    // uniqueness holds among live products only
    session.products().delete(cola.id());
    assertThat(session.products().create(
        new CreateProduct("cola-1", "New cola", null, BigDecimal.ONE, 1)).sku())
        .isEqualTo("cola-1");
  }

  @Test
  public void onlyAsciiLettersFoldSoAccentedSkusStayDistinct() {
    session.products().create(new CreateProduct("\u00c91", "E acute upper", null,
        BigDecimal.ONE, 1));
    Product lower = session.products().create(new CreateProduct("\u00e91", "e acute lower", null,
        BigDecimal.ONE, 1));

    assertThat(session.products().getBySku("\u00e91").id()).isEqualTo(lower.id());
    assertThat(session.products().list(PageRequest.first()).total()).isEqualTo(2);
  }

  // ---------------------------------------------------------------- null elements

  @Test
  public void aCommandWithANullElementIsRefusedByNameAndNothingIsWritten() {
    Fleet f = EngineFixture.fleet(session);
    DeviceSetup setup = EngineFixture.device(session, f, "D1", 1, 3);
    UUID cabinet = setup.device().cabinets().get(0).id();
    Planogram planogram = setup.planograms().get(0);
    Slot a1 = planogram.slotAt("A1").orElseThrow();
    User driver = session.users().create(new CreateUser("drv", "drv@example.com", Role.DRIVER));
    session.stock().receive(f.cola().id(), 100, null);
    session.stock().receive(f.water().id(), 100, null);
    session.stock().receive(f.chips().id(), 100, null);
    ServiceOrder order = session.serviceOrders().create(CreateServiceOrder.forRoute(
        f.route().id()));
    session.serviceOrders().assign(order.id(), driver.id());
    session.serviceOrders().dispatch(order.id());
    Visit visit = order.visits().get(0);
    OrderStatus status = session.serviceOrders().get(order.id()).status();
    long orders = session.serviceOrders().list(PageRequest.first()).total();
    long devices = session.devices().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total();
    long events = events();
    OptionalLong auditRows = rowCount("audit_log");
    SlotSpec b2 = new SlotSpec("B2", f.cola().id(), 10, 10, 0, null);
    CreateDevice d2 = new CreateDevice("D2", "SN-D2", f.location().id(), f.route().id(),
        f.deviceType().id(), List.of(new CabinetSpec(1, f.cabinetType().id(), 3, 3)));

    Map<UUID, Integer> delivered = new HashMap<>();
    delivered.put(a1.id(), null);
    assertThat(violations(() -> session.serviceOrders().completeVisit(order.id(), visit.id(),
        new CompleteVisit(delivered, true, null)))).containsExactly(
            "delivered[" + a1.id() + "]: is required");
    assertThat(violations(() -> session.serviceOrders().create(new CreateServiceOrder(
        f.route().id(), Arrays.asList(cabinet, null), null, null, null))))
        .containsExactly("cabinetIds[1]: is required");
    assertThat(violations(() -> session.devices().create(new CreateDevice("D2", "SN-D2",
        f.location().id(), f.route().id(), f.deviceType().id(),
        Arrays.asList(new CabinetSpec(1, f.cabinetType().id(), 3, 3), null)))))
        .containsExactly("cabinets[1]: is required");
    assertThat(violations(() -> session.devices().setUp(new SetUpDevice(d2, Arrays.asList(
        new CabinetPlanogram(1, "D2 cabinet 1", List.of(b2)), null)))))
        .containsExactly("planograms[1]: is required");
    assertThat(violations(() -> session.devices().setUp(new SetUpDevice(d2, List.of(
        new CabinetPlanogram(1, "D2 cabinet 1", Arrays.asList(null, b2)))))))
        .containsExactly("slots[0]: is required");
    assertThat(violations(() -> session.planograms().create(new CreatePlanogram(cabinet,
        "Summer", Arrays.asList(b2, null)))))
        .containsExactly("slots[1]: is required");
    assertThat(violations(() -> session.planograms().update(planogram.id(), new UpdatePlanogram(
        "Summer", Arrays.asList(b2, null)))))
        .containsExactly("slots[1]: is required");
    assertThat(violations(() -> session.sales().record(new RecordSales(Arrays.asList(
        SaleEntry.sold(a1.id(), 1), null)))))
        .containsExactly("entries[1]: is required");

    ServiceOrder after = session.serviceOrders().get(order.id());
    assertThat(after.status()).isEqualTo(status);
    assertThat(after.visits().get(0).status()).isEqualTo(VisitStatus.PENDING);
    assertThat(session.serviceOrders().list(PageRequest.first()).total()).isEqualTo(orders);
    assertThat(session.devices().list(PageRequest.first(), Visibility.INCLUDE_DELETED).total())
        .isEqualTo(devices);
    Planogram active = session.planograms().activeFor(cabinet);
    assertThat(active.id()).isEqualTo(planogram.id());
    assertThat(active.version()).isEqualTo(planogram.version());
    assertThat(active.name()).isEqualTo(planogram.name());
    assertThat(active.slotAt("A1").orElseThrow().quantity()).isEqualTo(a1.quantity());
    assertThat(active.slotAt("B2")).isEmpty();
    assertThat(session.sales().salesOf(a1.id())).isEmpty();
    assertThat(events()).isEqualTo(events);
    assertThat(rowCount("audit_log")).isEqualTo(auditRows);
  }

  // ---------------------------------------------------------------- no-op updates

  @Test
  public void anUpdateThatChangesNothingWritesNoRevisionAndNoEvent() {
    Fleet f = EngineFixture.fleet(session);
    DeviceSetup setup = EngineFixture.device(session, f, "D1", 1, 3);
    User driver = session.users().create(new CreateUser("drv", "drv@example.com", Role.DRIVER));
    UUID device = setup.device().id();
    UUID planogram = setup.planograms().get(0).id();

    unchanged(AuditedType.PRODUCT, f.cola().id(), () -> session.products().update(f.cola().id(),
        new UpdateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.0"), 24, true)));
    unchanged(AuditedType.PRODUCT, f.cola().id(), () -> session.products().update(f.cola().id(),
        new UpdateProduct(null, null, null, null, null, null)));
    unchanged(AuditedType.ROUTE, f.route().id(), () -> session.routes().update(f.route().id(),
        new UpdateRoute("R1", "North", 7)));
    unchanged(AuditedType.LOCATION, f.location().id(), () -> session.locations().update(
        f.location().id(), new UpdateLocation("Depot", "1 Main St")));
    unchanged(AuditedType.DEVICE_TYPE, f.deviceType().id(), () -> session.deviceTypes().update(
        f.deviceType().id(), new UpdateDeviceType("Combo", 2)));
    unchanged(AuditedType.CABINET_TYPE, f.cabinetType().id(), () -> session.cabinetTypes()
        .update(f.cabinetType().id(), new UpdateCabinetType("Ambient")));
    unchanged(AuditedType.DEVICE, device, () -> session.devices().update(device,
        new UpdateDevice("D1", "SN-D1", f.location().id(), f.route().id(), false)));
    unchanged(AuditedType.USER, driver.id(), () -> session.users().update(driver.id(),
        new UpdateUser("drv@example.com", Role.DRIVER, true)));
    unchanged(AuditedType.PLANOGRAM, planogram, () -> session.planograms().update(planogram,
        new UpdatePlanogram("D1 cabinet 1", null)));

    // a real change still writes its revision and its event
    long revisions = session.history().history(AuditedType.ROUTE, f.route().id()).size();
    long events = events();
    session.routes().update(f.route().id(), new UpdateRoute(null, "North loop", null));
    assertThat(session.history().history(AuditedType.ROUTE, f.route().id())).hasSize(
        (int) revisions + 1);
    assertThat(events()).isEqualTo(events + 1);
  }

  /** Runs a no-op update and checks that it wrote nothing: same version, revisions, events. */
  private void unchanged(AuditedType type, UUID id, Supplier<? extends Object> update) {
    int revisions = session.history().history(type, id).size();
    long events = events();

    Object result = update.get();

    assertThat(session.history().history(type, id)).as(type + " revisions").hasSize(revisions);
    assertThat(events()).as(type + " audit events").isEqualTo(events);
    assertThat(result).as(type + " returned as it is").isInstanceOf(
        dev.restock.api.aggregate.Aggregate.class);
    assertThat(((dev.restock.api.aggregate.Aggregate) result).version()).as(type + " version")
        .isEqualTo(version(type, id));
  }

  private long version(AuditedType type, UUID id) {
    return switch (type) {
      case PRODUCT -> session.products().get(id).version();
      case ROUTE -> session.routes().get(id).version();
      case LOCATION -> session.locations().get(id).version();
      case DEVICE_TYPE -> session.deviceTypes().get(id).version();
      case CABINET_TYPE -> session.cabinetTypes().get(id).version();
      case DEVICE -> session.devices().get(id).version();
      case USER -> session.users().get(id).version();
      case PLANOGRAM -> session.planograms().get(id).version();
      default -> throw new IllegalArgumentException("no version read for " + type);
    };
  }

  private long events() {
    return session.history().events(null, Instant.EPOCH).size();
  }

  /** The violations of the {@link ValidationException} a call throws, as {@code field: message}. */
  private static List<String> violations(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).as("expected a ValidationException").isInstanceOf(
        ValidationException.class);
    return ((ValidationException) thrown).violations().stream().map(Violation::toString).toList();
  }

  private static java.util.List<String> fields(Runnable call) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
    assertThat(e).as("expected a ValidationException").isNotNull();
    return e.violations().stream().map(Violation::field).toList();
  }
}
