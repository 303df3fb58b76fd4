package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.NewTenant;
import dev.restock.api.tenant.Tenant;
import dev.restock.api.tenant.TenantEvent;
import dev.restock.plugin.tck.StoreFixture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every JPA tenant directory does, at directory level (the engine's tenant support is not
 * used here): the catalogue's bookkeeping, bad input refused, each tenant's storage really apart,
 * a failed storage recording nothing, and two directory instances (standing for two processes)
 * on one catalogue adding and logging concurrently.
 */
abstract class TenantDirectoryContract {
  static final Instant AT = Instant.parse("2026-12-05T10:15:30.123456Z");
  static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000a001");

  private final List<TenantDirectory> opened = new ArrayList<>();

  /** Prepares a fresh, empty place for one test's catalogue and tenants. */
  abstract void prepare() throws Exception;

  /** A directory instance on this test's catalogue; a second call is a second "process". */
  abstract TenantDirectory newDirectory();

  /** Whether the storage of {@code id} (file, schema, database) exists. */
  abstract boolean storageExists(String id) throws Exception;

  /** Makes something of {@code id}'s storage name exist, so that making it fails. */
  abstract void occupyStorage(String id) throws Exception;

  /** Removes the storage of {@code id} behind the directory's back, as an accident would. */
  abstract void removeStorage(String id) throws Exception;

  /** Rows of a catalogue table, read behind the directory's back. */
  abstract long catalogueRows(String table) throws Exception;

  /** Removes what {@link #prepare} made. */
  abstract void cleanUp() throws Exception;

  /** The directory's only placement, for single-place directories. */
  String placement() {
    return "local";
  }

  TenantDirectory directory;

  @BeforeEach
  void setUp() throws Exception {
    prepare();
    directory = open();
  }

  TenantDirectory open() {
    TenantDirectory d = newDirectory();
    opened.add(d);
    return d;
  }

  @AfterEach
  void tearDown() throws Exception {
    for (TenantDirectory d : opened) {
      d.close();
    }
    cleanUp();
  }

  @Test
  void addsListsFindsRetiresAndPlacesTenants() throws Exception {
    Tenant acme = directory.add(new NewTenant("acme", "Acme Vending"), placement(), AT, ADMIN);
    directory.add(new NewTenant("beta_2", "Beta"), placement(), AT.plusSeconds(1), ADMIN);

    assertThat(acme).isEqualTo(new Tenant("acme", "Acme Vending", Tenant.Status.ACTIVE,
        placement(), AT, ADMIN, null, null));
    assertThat(directory.list()).extracting(Tenant::id).containsExactly("acme", "beta_2");
    assertThat(open().find("acme")).contains(acme);
    assertThat(directory.find("nobody")).isEmpty();
    assertThat(directory.placements()).contains(placement());
    assertThat(directory.placements()).contains(directory.defaultPlacement());
    assertThat(storageExists("acme")).isTrue();
    assertThat(storageExists("beta_2")).isTrue();

    Tenant retired = directory.retire("beta_2", AT.plusSeconds(5), ADMIN);
    assertThat(retired.status()).isEqualTo(Tenant.Status.RETIRED);
    assertThat(retired.retiredAt()).isEqualTo(AT.plusSeconds(5));
    assertThat(retired.retiredBy()).isEqualTo(ADMIN);
    assertThat(directory.find("beta_2")).contains(retired);
    assertThat(storageExists("beta_2")).as("a retired tenant's storage is kept").isTrue();
    assertThatThrownBy(() -> directory.retire("beta_2", AT, ADMIN))
        .isInstanceOf(IllegalStateTransitionException.class);
    assertThatThrownBy(() -> directory.retire("nobody", AT, ADMIN))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> directory.add(new NewTenant("beta_2", "Again"), placement(), AT,
        ADMIN)).as("a retired tenant's id is never given again")
        .isInstanceOf(ConflictException.class);

    assertThat(directory.place("acme", placement())).isEqualTo(acme);
    assertThatThrownBy(() -> directory.place("nobody", placement()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> directory.place("acme", "nowhere"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("nowhere");
  }

  @Test
  void recordsEventsInOrderWithGaplessNumbers() {
    TenantEvent first = directory.record(new TenantEvent(99, AT, ADMIN, "tenant.add", "acme",
        "new customer", null));
    TenantEvent second = directory.record(new TenantEvent(0, AT.plusNanos(1_234_567), ADMIN,
        "tenant.fleet-summary", null, null, "2 tenants"));

    assertThat(first.sequence()).as("the given number is ignored").isEqualTo(1);
    assertThat(second.sequence()).isEqualTo(2);
    assertThat(second.at()).isEqualTo(AT.plusNanos(1_234_567).truncatedTo(ChronoUnit.MICROS));
    assertThat(open().events()).containsExactly(first, second);
  }

  @Test
  void badInputIsRefusedNamingEveryProblemAndNothingIsWritten() throws Exception {
    assertThatThrownBy(() -> directory.add(new NewTenant("Acme-1", " ", null), "nowhere", AT,
        ADMIN))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .extracting(Violation::field).containsExactly("id", "name", "placement"));
    for (String id : List.of("../etc", "a;drop", "", "1abc", "a".repeat(31), "tenant.x")) {
      assertThatThrownBy(() -> directory.add(new NewTenant(id, "Name"), placement(), AT, ADMIN))
          .as(id).isInstanceOf(ValidationException.class).hasMessageContaining("id");
    }
    assertThatThrownBy(() -> directory.add(new NewTenant("acme", "n".repeat(201)), placement(),
        AT, ADMIN)).isInstanceOf(ValidationException.class).hasMessageContaining("name");

    assertThat(catalogueRows("restock_tenant")).isZero();
    assertThat(catalogueRows("restock_tenant_event")).isZero();
    assertThat(storageExists("acme")).isFalse();
  }

  @Test
  void whenMakingTheStorageFailsNothingIsRecorded() throws Exception {
    occupyStorage("gamma");

    assertThatThrownBy(() -> directory.add(new NewTenant("gamma", "Gamma"), placement(), AT,
        ADMIN)).isInstanceOf(TenantDirectoryException.class).hasMessageContaining("gamma");

    assertThat(catalogueRows("restock_tenant")).isZero();
    assertThat(directory.find("gamma")).isEmpty();
    assertThat(storageExists("gamma")).as("the leftover is left as it was").isTrue();
  }

  @Test
  void storeConfigNamesTheDatabaseTheDirectoryOpensForThatTenantOnly() throws Exception {
    Tenant a = directory.add(new NewTenant("alpha", "Alpha"), placement(), AT, ADMIN);
    directory.add(new NewTenant("beta", "Beta"), placement(), AT, ADMIN);
    try (Store store = directory.store(a).open()) {
      // opening migrates alpha's storage; beta's is made but left unmigrated
      assertThat(store).isNotNull();
    }
    var alpha = dev.restock.jpa.migrate.Migrations.status(JpaTenants.storeConfig(directory,
        "alpha"));
    assertThat(alpha.current()).isNotNull().isEqualTo(alpha.latestKnown());
    assertThat(dev.restock.jpa.migrate.Migrations.status(JpaTenants.storeConfig(directory,
        "beta")).current()).isNull();
    assertThatThrownBy(() -> JpaTenants.storeConfig(directory, "gamma"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("gamma");
    TenantDirectory foreign = (TenantDirectory) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {TenantDirectory.class},
        (proxy, method, args) -> {
          throw new AssertionError("not to be called: " + method.getName());
        });
    assertThatThrownBy(() -> JpaTenants.storeConfig(foreign, "alpha"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a tenant directory of the JPA store");
  }

  @Test
  void eachTenantsStoreHoldsOnlyItsOwnData() throws Exception {
    Tenant a = directory.add(new NewTenant("alpha", "Alpha"), placement(), AT, ADMIN);
    Tenant b = directory.add(new NewTenant("bravo", "Bravo"), placement(), AT, ADMIN);

    try (Store storeA = directory.store(a).open(); Store storeB = directory.store(b).open()) {
      write(storeA, () -> storeA.products().add(StoreFixture.product("COLA", "Cola", "1.50")));
      write(storeB, () -> storeB.products().add(StoreFixture.product("TEA", "Tea", "2.00")));
      write(storeB, () -> storeB.products().add(StoreFixture.product("COLA", "Bravo Cola",
          "1.70")));

      assertThat(read(storeA, () -> storeA.products().findBySku("TEA"))).isEmpty();
      assertThat(read(storeA, () -> storeA.products().findBySku("COLA")))
          .map(Product::name).contains("Cola");
      assertThat(read(storeB, () -> storeB.products().findBySku("COLA")))
          .map(Product::name).contains("Bravo Cola");
      UUID colaA = read(storeA, () -> storeA.products().findBySku("COLA")).orElseThrow().id();
      assertThat(read(storeB, () -> storeB.history().revisions(AuditedType.PRODUCT, colaA)))
          .as("history stays with its tenant").isEmpty();
      assertThat(read(storeA, () -> storeA.history().revisions(AuditedType.PRODUCT, colaA)))
          .hasSize(1);
    }
    assertThat(storageExists("alpha")).isTrue();
    assertThat(storageExists("bravo")).isTrue();
  }

  @Test
  void twoInstancesAddingTheSameIdAtOnceOneWinsTheOtherConflicts() throws Exception {
    TenantDirectory other = open();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Tenant>> results = new ArrayList<>();
      for (TenantDirectory d : List.of(directory, other)) {
        results.add(pool.submit(() -> {
          start.await();
          return d.add(new NewTenant("same", "Same"), placement(), AT, ADMIN);
        }));
      }
      start.countDown();
      int won = 0;
      int conflicts = 0;
      for (Future<Tenant> result : results) {
        try {
          result.get(60, TimeUnit.SECONDS);
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConflictException.class);
          conflicts++;
        }
      }
      assertThat(won).isEqualTo(1);
      assertThat(conflicts).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(catalogueRows("restock_tenant")).isEqualTo(1);
    assertThat(storageExists("same")).isTrue();
  }

  @Test
  void concurrentRecordsFromTwoInstancesGetGaplessNumbers() throws Exception {
    TenantDirectory other = open();
    int threads = 4;
    int each = 15;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Long>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        TenantDirectory d = t % 2 == 0 ? directory : other;
        int thread = t;
        results.add(pool.submit(() -> {
          start.await();
          List<Long> numbers = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            numbers.add(d.record(new TenantEvent(0, AT, ADMIN, "tenant.test", null, null,
                thread + "/" + i)).sequence());
          }
          return numbers;
        }));
      }
      start.countDown();
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        List<Long> numbers = result.get(120, TimeUnit.SECONDS);
        assertThat(numbers).as("one writer's numbers grow").isSorted();
        all.addAll(numbers);
      }
      List<Long> expected = LongStream.rangeClosed(1, (long) threads * each).boxed().toList();
      assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
    List<TenantEvent> log = directory.events();
    assertThat(log).extracting(TenantEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) threads * each).boxed()
            .toList());
    assertThat(log).extracting(TenantEvent::detail).doesNotHaveDuplicates();
  }

  @Test
  void discardUndoesAnAddSoTheIdCanBeAddedAgain() throws Exception {
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), placement(), AT, ADMIN);
    directory.add(new NewTenant("bravo", "Bravo"), placement(), AT, ADMIN);
    // what a first open left before it failed: a migrated store
    try (Store store = directory.store(acme).open()) {
      assertThat(store).isNotNull();
    }

    directory.discard("acme");

    assertThat(directory.list()).extracting(Tenant::id).containsExactly("bravo");
    assertThat(open().find("acme")).isEmpty();
    assertThat(catalogueRows("restock_tenant")).isEqualTo(1);
    assertThat(storageExists("acme")).as("the storage is gone").isFalse();
    assertThat(storageExists("bravo")).as("the other tenant's is kept").isTrue();
    assertThatThrownBy(() -> directory.discard("acme")).isInstanceOf(NotFoundException.class);

    Tenant again = directory.add(new NewTenant("acme", "Acme again"), placement(), AT, ADMIN);
    assertThat(again.name()).isEqualTo("Acme again");
    assertThat(storageExists("acme")).isTrue();
    try (Store store = directory.store(again).open()) {
      assertThat(read(store, () -> store.products().findBySku("COLA"))).isEmpty();
    }
  }

  @Test
  void discardOfAnUnknownTenantIsNotFoundAndRemovesNothing() throws Exception {
    directory.add(new NewTenant("acme", "Acme"), placement(), AT, ADMIN);
    assertThatThrownBy(() -> directory.discard("nobody")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nobody");
    assertThat(catalogueRows("restock_tenant")).isEqualTo(1);
    assertThat(storageExists("acme")).isTrue();
  }

  @Test
  void openingATenantWhoseStorageIsMissingFailsAndMakesNothing() throws Exception {
    Tenant alpha = directory.add(new NewTenant("alpha", "Alpha"), placement(), AT, ADMIN);
    try (Store store = directory.store(alpha).open()) {
      write(store, () -> store.products().add(StoreFixture.product("COLA", "Cola", "1.50")));
    }
    removeStorage("alpha");
    assertThat(storageExists("alpha")).isFalse();

    assertThatThrownBy(() -> directory.store(alpha).open().close())
        .isInstanceOf(TenantDirectoryException.class)
        .hasMessageContaining("storage of tenant alpha is missing at placement " + placement());

    assertThat(storageExists("alpha")).as("no new empty storage was made").isFalse();
    assertThat(directory.find("alpha")).isPresent();
  }

  /** Overridden by directories of several places, which can copy. */
  @Test
  void aSinglePlaceDirectoryCannotCopy() {
    assertThat(directory.placements()).containsExactly(placement());
    Tenant acme = directory.add(new NewTenant("acme", "Acme"), placement(), AT, ADMIN);
    assertThatThrownBy(() -> directory.copy(acme, placement()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static <T> T write(Store store, Supplier<T> work) {
    return store.transactions().write(new AuditContext(Actor.system(), "test"), work);
  }

  static <T> T read(Store store, Supplier<T> work) {
    return store.transactions().read(work);
  }
}
