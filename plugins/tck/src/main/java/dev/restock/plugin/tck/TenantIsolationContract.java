package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.PermissionDeniedException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.planogram.RecordSales;
import dev.restock.api.planogram.SaleEntry;
import dev.restock.api.planogram.Slot;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.serviceorder.CreateServiceOrder;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.spi.StoreFactory;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.stock.DeliveryNote;
import dev.restock.api.stock.DeliveryNoteLine;
import dev.restock.api.tenant.FleetSummary;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import dev.restock.plugin.tck.EngineFixture.Fleet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenants on any store: two tenants {@code a} and {@code b}, added through
 * {@code engine.tenants().add}, each see only their own data in every use-case area (the same
 * skus, codes, serial numbers and usernames in both), keep their own history, hash chain,
 * checkpoints, audit events and document number series, also under concurrent writers of both;
 * the engine without a tenant, an unknown or retired tenant, bad input and a non-administrator
 * are refused; a retire waits for a call in flight; adds, retires and fleet summaries are
 * recorded as events.
 *
 * <p>Extend it with a new, empty {@link TenantDirectory} per test ({@link #freshDirectory}) and a
 * multi-tenant engine on it ({@link #openEngine}, e.g.
 * {@code RestockEngine.builder().tenants(directory).build()}); the kit depends on engine-api only.
 *
 * @since 0.3
 */
@dev.restock.api.stability.Experimental(since = "0.3")
public abstract class TenantIsolationContract {
  private Restock engine;
  private ObservedDirectory directory;
  private final String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());

  /** A new directory with no tenants; the engine built on it closes it. */
  protected abstract TenantDirectory freshDirectory();

  /**
   * A multi-tenant engine on {@code directory}, whose administrators of {@code providerTenant}
   * (when not null) may administer tenants, e.g. {@code RestockEngine.builder()
   * .tenants(directory).providerTenant(providerTenant).build()}.
   */
  protected abstract Restock openEngine(TenantDirectory directory, String providerTenant);

  /** Called after each test, after the engine is closed; drop what the directory made. */
  protected void cleanUp() {}

  private Restock start(String providerTenant) {
    directory = new ObservedDirectory(freshDirectory());
    engine = openEngine(directory, providerTenant);
    return engine;
  }

  private Restock start() {
    return start(null);
  }

  @AfterEach
  void closeEngine() {
    try {
      if (engine != null) {
        engine.close();
      }
    } finally {
      cleanUp();
    }
  }

  /** Adds tenants a and b as the system actor, each with an administrator "admin". */
  private Map<String, RestockSession> twoTenants() {
    engine.tenants().add(Actor.system().withReason("contract"), new NewTenant("a", "Tenant A"));
    engine.tenants().add(Actor.system().withReason("contract"), new NewTenant("b", "Tenant B"));
    return Map.of("a", admin("a"), "b", admin("b"));
  }

  private RestockSession admin(String tenant) {
    Restock t = engine.tenant(tenant);
    User admin = t.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    return t.as(Actor.user(admin.id()).withReason("tenant contract"));
  }

  /** Asserts that {@code read} in the other tenant is refused as not found. */
  private static void notFoundIn(String what, Supplier<?> read) {
    assertThat(catchThrowable(read::get)).as(what + " read from the other tenant")
        .isInstanceOf(NotFoundException.class);
  }

  // ---------------------------------------------------------------- isolation

  @Test
  public void everyUseCaseAreaSeesOnlyItsOwnTenantsData() {
    start();
    Map<String, RestockSession> s = twoTenants();
    RestockSession a = s.get("a");
    RestockSession b = s.get("b");
    Fleet fa = EngineFixture.fleet(a);
    Fleet fb = EngineFixture.fleet(b);
    DeviceSetup ma = EngineFixture.device(a, fa, "M1", 1, 0);
    DeviceSetup mb = EngineFixture.device(b, fb, "M1", 1, 6);
    User driverA = a.users().create(new CreateUser("dave", "dave@a.example", Role.DRIVER));
    User driverB = b.users().create(new CreateUser("dave", "dave@b.example", Role.DRIVER));
    Product onlyA = a.products().create(
        new CreateProduct("ONLY-A", "Only in A", null, BigDecimal.ONE, 1));

    // the same sku, code, serial and username in both; each id belongs to one tenant
    assertThat(fa.cola().sku()).isEqualTo(fb.cola().sku());
    assertThat(fa.cola().id()).isNotEqualTo(fb.cola().id());
    assertThat(a.products().list(PageRequest.first()).total()).isEqualTo(4);
    assertThat(b.products().list(PageRequest.first()).total()).isEqualTo(3);
    assertThat(b.products().search(TextQuery.contains("ONLY"), PageRequest.first(),
        Visibility.INCLUDE_DELETED).total()).isZero();
    assertThat(a.products().search(TextQuery.contains("cola"), PageRequest.first(),
        Visibility.LIVE).items()).extracting(Product::id).containsExactly(fa.cola().id());
    assertThat(b.products().search(TextQuery.contains("cola"), PageRequest.first(),
        Visibility.LIVE).items()).extracting(Product::id).containsExactly(fb.cola().id());
    notFoundIn("product", () -> b.products().get(onlyA.id()));
    notFoundIn("product", () -> b.products().get(fa.cola().id()));
    notFoundIn("location", () -> b.locations().get(fa.location().id()));
    notFoundIn("route", () -> a.routes().get(fb.route().id()));
    notFoundIn("device type", () -> a.deviceTypes().get(fb.deviceType().id()));
    notFoundIn("cabinet type", () -> a.cabinetTypes().get(fb.cabinetType().id()));
    notFoundIn("device", () -> b.devices().get(ma.device().id()));
    notFoundIn("planogram", () -> b.planograms().get(ma.planograms().get(0).id()));
    notFoundIn("user", () -> a.users().get(driverB.id()));
    assertThat(a.users().getByUsername("dave").id()).isEqualTo(driverA.id());
    assertThat(b.users().getByUsername("dave").id()).isEqualTo(driverB.id());
    assertThat(a.devices().getBySerialNumber("SN-M1").id()).isEqualTo(ma.device().id());
    assertThat(b.devices().getBySerialNumber("SN-M1").id()).isEqualTo(mb.device().id());
    assertThat(a.routes().getByCode("R1").id()).isEqualTo(fa.route().id());

    // sales in a only
    Slot colaA = ma.planograms().get(0).slotAt("A1").orElseThrow();
    a.sales().record(new RecordSales(List.of(SaleEntry.sold(colaA.id(), 3))));
    assertThat(a.sales().find(Criteria.all(), PageRequest.first()).total()).isEqualTo(1);
    assertThat(b.sales().find(Criteria.all(), PageRequest.first()).total()).isZero();
    Slot colaB = mb.planograms().get(0).slotAt("A1").orElseThrow();
    assertThat(b.planograms().get(mb.planograms().get(0).id()).slotAt("A1").orElseThrow()
        .quantity()).isEqualTo(colaB.quantity());

    // stock: received and adjusted apart
    a.stock().receive(fa.cola().id(), 100, "delivery a");
    a.stock().receive(fa.water().id(), 100, "delivery a");
    a.stock().receive(fa.chips().id(), 100, "delivery a");
    b.stock().receive(fb.cola().id(), 50, "delivery b");
    b.stock().receive(fb.water().id(), 50, "delivery b");
    b.stock().adjust(fb.water().id(), -1, "broken bottle");
    assertThat(a.stock().level(fa.water().id()).onHand()).isEqualTo(100);
    assertThat(b.stock().level(fb.water().id()).onHand()).isEqualTo(49);
    notFoundIn("stock level", () -> b.stock().level(fa.cola().id()));

    // service orders and delivery notes: each tenant its own series, both start at 1
    ServiceOrder oa = a.serviceOrders().create(CreateServiceOrder.forRoute(fa.route().id()));
    ServiceOrder ob = b.serviceOrders().create(CreateServiceOrder.forRoute(fb.route().id()));
    assertThat(oa.number()).isEqualTo("SO-" + year + "-000001");
    assertThat(ob.number()).isEqualTo("SO-" + year + "-000001");
    a.serviceOrders().assign(oa.id(), driverA.id());
    b.serviceOrders().assign(ob.id(), driverB.id());
    DeliveryNote na = a.serviceOrders().dispatch(oa.id());
    DeliveryNote nb = b.serviceOrders().dispatch(ob.id());
    assertThat(na.number()).isEqualTo("DN-" + year + "-000001");
    assertThat(nb.number()).isEqualTo("DN-" + year + "-000001");
    // a's machine sold 3 cola and has no chips: its note differs from b's
    assertThat(a.stock().deliveryNote(na.number()).lines())
        .extracting(DeliveryNoteLine::sku, DeliveryNoteLine::quantity)
        .contains(tuple("COLA", 5), tuple("CHIPS", 6));
    assertThat(b.stock().deliveryNote(nb.number()).lines())
        .extracting(DeliveryNoteLine::sku).doesNotContain("CHIPS");
    assertThat(a.serviceOrders().getByNumber(oa.number()).id()).isEqualTo(oa.id());
    notFoundIn("service order", () -> b.serviceOrders().get(oa.id()));

    // soft delete and restore in a leave b alone; b's product of a's deleted sku stays live
    a.products().delete(onlyA.id());
    b.products().create(new CreateProduct("ONLY-A", "Now in B", null, BigDecimal.ONE, 1));
    assertThat(a.products().list(PageRequest.first(), Visibility.ONLY_DELETED).items())
        .extracting(Product::id).containsExactly(onlyA.id());
    assertThat(b.products().list(PageRequest.first(), Visibility.ONLY_DELETED).total()).isZero();
    notFoundIn("deleted product restored", () -> b.products().restore(onlyA.id()));
    assertThat(a.products().restore(onlyA.id()).sku()).isEqualTo("ONLY-A");
    assertThat(b.products().search(TextQuery.contains("ONLY"), PageRequest.first(),
        Visibility.INCLUDE_DELETED).items()).extracting(Product::name).containsExactly("Now in B");

    // history, audit events, chain and checkpoints
    List<HistoryEntry> colaHistory = a.history().history(AuditedType.PRODUCT, fa.cola().id());
    assertThat(colaHistory).isNotEmpty();
    Throwable other = catchThrowable(() -> assertThat(
        b.history().history(AuditedType.PRODUCT, fa.cola().id())).isEmpty());
    assertThat(other).as("b's history of a's product is empty or not found")
        .satisfiesAnyOf(t -> assertThat(t).isNull(),
            t -> assertThat(t).isInstanceOf(NotFoundException.class));
    Criteria aboutColaA = Criteria.where("resourceId", Criteria.Operator.EQ, fa.cola().id());
    assertThat(a.history().events(aboutColaA, PageRequest.first()).total()).isPositive();
    assertThat(b.history().events(aboutColaA, PageRequest.first()).total()).isZero();
    assertThat(b.history().events(Criteria.where("action", Criteria.Operator.EQ, "sale.record"),
        PageRequest.first()).total()).isZero();
    assertThat(a.history().verify().intact()).isTrue();
    assertThat(b.history().verify().intact()).isTrue();
    Checkpoint ca = a.history().checkpoint();
    assertThat(b.history().checkpoints()).isEmpty();
    Checkpoint cb = b.history().checkpoint();
    assertThat(ca.genesis()).isNotEqualTo(cb.genesis());
    assertThat(ca.size()).isNotEqualTo(cb.size());
    assertThat(a.history().checkpoints()).containsExactly(ca);
    assertThat(b.history().checkpoints()).containsExactly(cb);
  }

  @Test
  public void concurrentWritersOfBothTenantsEndWithExactCountsAndGaplessNumbersEach()
      throws Exception {
    start();
    Map<String, RestockSession> s = twoTenants();
    Map<String, Fleet> fleets = Map.of("a", EngineFixture.fleet(s.get("a")),
        "b", EngineFixture.fleet(s.get("b")));
    for (String t : List.of("a", "b")) {
      EngineFixture.device(s.get(t), fleets.get(t), "M1", 1, 0);
    }
    int threadsPerTenant = 4;
    int perThread = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threadsPerTenant * 2);
    CountDownLatch go = new CountDownLatch(1);
    Map<String, ConcurrentLinkedQueue<String>> numbers = Map.of(
        "a", new ConcurrentLinkedQueue<>(), "b", new ConcurrentLinkedQueue<>());
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (String t : List.of("a", "b")) {
        for (int i = 0; i < threadsPerTenant; i++) {
          int thread = i;
          RestockSession ops = s.get(t);
          UUID route = fleets.get(t).route().id();
          futures.add(pool.submit(() -> {
            go.await();
            for (int n = 0; n < perThread; n++) {
              ops.products().create(new CreateProduct("T" + thread + "-" + n, "Thread product",
                  null, BigDecimal.ONE, 1));
              numbers.get(t).add(
                  ops.serviceOrders().create(CreateServiceOrder.forRoute(route)).number());
            }
            return null;
          }));
        }
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    int each = threadsPerTenant * perThread;
    for (String t : List.of("a", "b")) {
      RestockSession ops = s.get(t);
      assertThat(ops.products().list(PageRequest.first()).total()).as("products of " + t)
          .isEqualTo(3 + each);
      assertThat(ops.serviceOrders().list(PageRequest.first()).total()).as("orders of " + t)
          .isEqualTo(each);
      Set<String> expected = new TreeSet<>();
      for (int n = 1; n <= each; n++) {
        expected.add(String.format("SO-%s-%06d", year, n));
      }
      assertThat(new TreeSet<>(numbers.get(t))).as("numbers of " + t).isEqualTo(expected);
      assertThat(numbers.get(t)).hasSize(each);
      assertThat(ops.history().verify().intact()).isTrue();
    }
  }

  // ---------------------------------------------------------------- refusals

  @Test
  public void theEngineWithoutATenantRefusesEveryDataCall() {
    start();
    twoTenants();
    Actor system = Actor.system();
    List<Throwable> refusals = List.of(
        catchThrowable(() -> engine.as(system)),
        catchThrowable(() -> engine.inUnitOfWork(system, x -> null)),
        catchThrowable(() -> engine.runInUnitOfWork(system, x -> { })),
        catchThrowable(() -> engine.async(system, x -> null)),
        catchThrowable(() -> engine.seed(null)),
        catchThrowable(() -> engine.health()),
        catchThrowable(() -> engine.statistics()),
        catchThrowable(() -> engine.auditSinkFailures()),
        catchThrowable(() -> engine.checkpointFailures()));
    assertThat(refusals).allSatisfy(t -> assertThat(t)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tenant"));
    // what a's engine answers is a's alone, and it cannot hand out other tenants
    assertThatThrownBy(() -> engine.tenant("a").tenant("b"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> engine.tenant("a").tenants())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  public void unknownMalformedAndRetiredTenantsAreRefused() {
    start();
    Map<String, RestockSession> s = twoTenants();
    Restock a = engine.tenant("a");
    assertThatThrownBy(() -> engine.tenant("nobody")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nobody");
    assertThatThrownBy(() -> engine.tenant("Not A Tenant!"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Tenant.ID_RULE);

    engine.tenants().retire(Actor.system(), "a", "contract ends");

    assertThatThrownBy(() -> engine.tenant("a"))
        .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("retired");
    // the engine and session handed out before are refused too
    assertThatThrownBy(() -> a.as(Actor.system()))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> s.get("a").products().list(PageRequest.first()))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> engine.tenants().retire(Actor.system(), "a", "again"))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> engine.tenants().add(Actor.system(), new NewTenant("a", "A again")))
        .isInstanceOf(dev.restock.api.error.ConflictException.class);
    // b goes on
    assertThat(s.get("b").users().getByUsername("admin").role()).isEqualTo(Role.ADMIN);
    assertThat(engine.tenants().find("a").status()).isEqualTo(Tenant.Status.RETIRED);
  }

  @Test
  public void aRetireWaitsForTheCallInFlightThenLaterCallsAreRefused() throws Exception {
    start();
    Map<String, RestockSession> s = twoTenants();
    Restock a = engine.tenant("a");
    UUID adminId = s.get("a").actor().userId();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Product> call = pool.submit(() -> a.inUnitOfWork(Actor.user(adminId), x -> {
        inside.countDown();
        await(release);
        return x.products().create(new CreateProduct("LATE", "Late", null, BigDecimal.ONE, 1));
      }));
      assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
      Thread[] retirer = new Thread[1];
      CountDownLatch retiring = new CountDownLatch(1);
      Future<Tenant> retire = pool.submit(() -> {
        retirer[0] = Thread.currentThread();
        retiring.countDown();
        return engine.tenants().retire(Actor.system(), "a", "while a call runs");
      });
      assertThat(retiring.await(1, TimeUnit.MINUTES)).isTrue();
      waitUntilWaiting(retirer[0]);
      assertThat(directory.retired).as("retired while a call was running").isEmpty();
      assertThat(retire).isNotDone();
      release.countDown();

      assertThat(call.get(1, TimeUnit.MINUTES).sku()).isEqualTo("LATE");
      assertThat(retire.get(1, TimeUnit.MINUTES).status()).isEqualTo(Tenant.Status.RETIRED);
      assertThat(directory.retired).containsExactly("a");
      assertThatThrownBy(() -> a.as(Actor.user(adminId)))
          .isInstanceOf(IllegalStateTransitionException.class);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /** Waits until {@code thread} blocks (waiting for the gate), without sleeping. */
  private static void waitUntilWaiting(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED
        && thread.getState() != Thread.State.TIMED_WAITING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the retire never waited; it is " + thread.getState());
      }
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(1, TimeUnit.MINUTES)) {
        throw new AssertionError("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  public void anAddWithBadInputNamesEveryProblemAndRecordsNothing() {
    start();
    twoTenants();
    List<Tenant> before = engine.tenants().list();
    List<TenantEvent> eventsBefore = engine.tenants().events(Actor.system());

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> engine.tenants().add(Actor.system(),
            new NewTenant("Bad Id!", "x".repeat(Tenant.MAX_NAME + 1), "nowhere")));

    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("id", "name", "placement");
    assertThat(e.getMessage()).contains("Bad Id!").contains("nowhere");
    assertThat(catchThrowableOfType(ValidationException.class,
        () -> engine.tenants().add(Actor.system(), new NewTenant("c", " "))).violations())
        .extracting(Violation::field).containsExactly("name");
    assertThat(engine.tenants().list()).isEqualTo(before);
    assertThat(engine.tenants().events(Actor.system())).isEqualTo(eventsBefore);
    assertThat(directory.added).containsExactly("a", "b");
    assertThatThrownBy(() -> engine.tenant("c")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> engine.tenants().retire(Actor.system(), "b", " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
    assertThat(engine.tenants().find("b").active()).isTrue();
  }

  @Test
  public void onlyTheSystemActorAndTheProvidersActiveAdministratorsAdministerTenants() {
    start("ops");
    engine.tenants().add(Actor.system(), new NewTenant("ops", "Service company"));
    RestockSession opsAdmin = admin("ops");
    User viewer = opsAdmin.users().create(new CreateUser("vic", "vic@example.com", Role.VIEWER));
    User former = opsAdmin.users().create(new CreateUser("fay", "fay@example.com", Role.ADMIN));
    opsAdmin.users().deactivate(former.id());
    List<Tenant> before = engine.tenants().list();

    for (UUID refused : List.of(viewer.id(), former.id(), UUID.randomUUID())) {
      Actor actor = Actor.user(refused);
      assertThatThrownBy(() -> engine.tenants().add(actor, new NewTenant("a", "A")))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> engine.tenants().fleetSummary(actor))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> engine.tenants().events(actor))
          .isInstanceOf(PermissionDeniedException.class);
      assertThatThrownBy(() -> engine.tenants().retire(actor, "ops", "no"))
          .isInstanceOf(PermissionDeniedException.class);
    }
    assertThat(engine.tenants().list()).isEqualTo(before);

    Tenant a = engine.tenants().add(opsAdmin.actor(), new NewTenant("a", "A"));
    assertThat(a.createdBy()).isEqualTo(opsAdmin.actor().userId());
    // an administrator of another tenant is no administrator of tenants
    RestockSession aAdmin = admin("a");
    assertThatThrownBy(() -> engine.tenants().add(aAdmin.actor(), new NewTenant("b", "B")))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(engine.tenants().list()).extracting(Tenant::id).containsExactly("a", "ops");
  }

  @Test
  public void aUserActorIsRefusedWhenTheEngineNamesNoProviderTenant() {
    start();
    Map<String, RestockSession> s = twoTenants();
    assertThatThrownBy(() -> engine.tenants().add(s.get("a").actor(), new NewTenant("c", "C")))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(engine.tenants().list()).extracting(Tenant::id).containsExactly("a", "b");
  }

  @Test
  public void addsRetiresAndFleetSummariesAreRecordedWithActorAndReason() {
    start();
    Map<String, RestockSession> s = twoTenants();
    Fleet fa = EngineFixture.fleet(s.get("a"));
    EngineFixture.device(s.get("a"), fa, "M1", 1, 0);
    EngineFixture.device(s.get("a"), fa, "M2", 1, 0);
    s.get("a").serviceOrders().create(CreateServiceOrder.forRoute(fa.route().id()));
    Instant before = Instant.now();

    FleetSummary summary = engine.tenants().fleetSummary(Actor.system().withReason("monthly"));
    engine.tenants().retire(Actor.system().withReason("ignored"), "b", "customer left");

    assertThat(summary.tenants()).extracting(FleetSummary.Line::tenantId,
            FleetSummary.Line::name, FleetSummary.Line::routes, FleetSummary.Line::devices,
            FleetSummary.Line::openOrders)
        .containsExactly(tuple("a", "Tenant A", 1L, 2L, 1L), tuple("b", "Tenant B", 0L, 0L, 0L));
    List<TenantEvent> events = engine.tenants().events(Actor.system());
    assertThat(events).extracting(TenantEvent::sequence, TenantEvent::action,
            TenantEvent::tenantId, TenantEvent::reason, TenantEvent::actorId)
        .containsExactly(
            tuple(1L, "tenant.add", "a", "contract", Actor.SYSTEM_ID),
            tuple(2L, "tenant.add", "b", "contract", Actor.SYSTEM_ID),
            tuple(3L, "tenant.fleet-summary", null, "monthly", Actor.SYSTEM_ID),
            tuple(4L, "tenant.retire", "b", "customer left", Actor.SYSTEM_ID));
    assertThat(events.get(2).at()).isAfterOrEqualTo(before.minusSeconds(1));
    // a fleet summary without b now
    assertThat(engine.tenants().fleetSummary(Actor.system()).tenants())
        .extracting(FleetSummary.Line::tenantId).containsExactly("a");
  }

  // ---------------------------------------------------------------- the observed directory

  /** Forwards to the directory under test, remembering which tenants were added and retired. */
  private static final class ObservedDirectory implements TenantDirectory {
    private final TenantDirectory d;
    final List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> retired = new java.util.concurrent.CopyOnWriteArrayList<>();

    ObservedDirectory(TenantDirectory d) {
      this.d = d;
    }

    @Override public List<Tenant> list() { return d.list(); }
    @Override public Optional<Tenant> find(String id) { return d.find(id); }
    @Override public Set<String> placements() { return d.placements(); }
    @Override public String defaultPlacement() { return d.defaultPlacement(); }

    @Override
    public Tenant add(NewTenant tenant, String placement, Instant at, UUID actorId) {
      Tenant t = d.add(tenant, placement, at, actorId);
      added.add(t.id());
      return t;
    }

    @Override
    public Tenant retire(String id, Instant at, UUID actorId) {
      retired.add(id);
      return d.retire(id, at, actorId);
    }

    @Override public StoreFactory store(Tenant tenant) { return d.store(tenant); }
    @Override public StoreFactory storeAt(Tenant t, String p) { return d.storeAt(t, p); }
    @Override public void copy(Tenant tenant, String target) { d.copy(tenant, target); }
    @Override public Tenant place(String id, String placement) { return d.place(id, placement); }
    @Override public TenantEvent record(TenantEvent event) { return d.record(event); }
    @Override public List<TenantEvent> events() { return d.events(); }
    @Override public void close() { d.close(); }
  }
}
