package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.ops.Health;
import dev.restock.api.ops.Statistics;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, statistics and a clean shutdown, on each database. */
abstract class OpsContractTest {
  private FreshDatabase db;
  private Restock engine;
  private Set<Thread> threadsBefore;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    threadsBefore = poolThreads();
    db = database().fresh();
    engine = RestockEngine.builder().store(db.factory()).build();
  }

  @AfterEach
  void close() throws Exception {
    engine.close();
    db.close();
  }

  @Test
  void healthReportsUpLatencySchemaVersionAndPool() {
    Health health = engine.health();

    assertThat(health.up()).as(health.problem()).isTrue();
    assertThat(health.problem()).isNull();
    assertThat(health.schemaVersion()).isEqualTo("8");
    assertThat(health.latency()).isPositive();
    assertThat(health.pool().max()).isPositive();
    assertThat(health.pool().active()).isZero();
    assertThat(health.pool().waiting()).isZero();
    assertThat(health.store()).isEqualTo(engine.storeDescription());
  }

  @Test
  void statisticsCountWhatTheStoreDid() {
    Statistics before = engine.statistics();
    var session = engine.as(Actor.system());
    for (int i = 0; i < 5; i++) {
      session.products().create(new CreateProduct("S" + i, "P", "X", BigDecimal.ONE, 1));
    }
    session.products().list(PageRequest.of(0, 10), Visibility.LIVE);

    Statistics after = engine.statistics();
    assertThat(after.entityInserts() - before.entityInserts()).isGreaterThanOrEqualTo(5);
    assertThat(after.transactions() - before.transactions()).isGreaterThanOrEqualTo(6);
    assertThat(after.statements()).isGreaterThan(before.statements());
    assertThat(after.slowest()).isNotEmpty().allSatisfy(q -> {
      assertThat(q.query()).isNotBlank();
      assertThat(q.executions()).isPositive();
    });
    assertThat(after.slowest()).isSortedAccordingTo(
        (a, b) -> Long.compare(b.maxMillis(), a.maxMillis()));
  }

  @Test
  void closingLeavesNoPoolThreadBehindAndHealthSaysDown() throws Exception {
    engine.async(Actor.system(), s -> s.products().create(
        new CreateProduct("P", "P", "X", BigDecimal.ONE, 1))).get();
    assertThat(newPoolThreads()).isNotEmpty();

    engine.close();

    long deadline = System.currentTimeMillis() + 5000;
    while (!newPoolThreads().isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(newPoolThreads()).extracting(Thread::getName).isEmpty();
    assertThat(engine.health().up()).isFalse();
  }

  @Test
  void everyUseCaseCanBeCalledAsynchronously() throws Exception {
    List<java.util.concurrent.CompletableFuture<dev.restock.api.catalog.Product>> futures =
        new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      futures.add(engine.async(Actor.system(), s -> s.products().create(
          new CreateProduct("A" + n, "P", "X", BigDecimal.ONE, 1))));
    }
    java.util.concurrent.CompletableFuture.allOf(futures.toArray(
        java.util.concurrent.CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(futures).extracting(f -> f.join().sku()).doesNotHaveDuplicates().hasSize(40);
    assertThat(engine.async(Actor.system(), s -> s.products().list(PageRequest.of(0, 100),
        Visibility.LIVE).total()).get()).isEqualTo(40);

    var duplicate = engine.async(Actor.system(), s -> s.products().create(
        new CreateProduct("A1", "P", "X", BigDecimal.ONE, 1)));
    assertThatThrownBy(duplicate::get).hasCauseInstanceOf(
        dev.restock.api.error.ConflictException.class);
  }

  @Test
  void aHostSuppliedExecutorRunsTheCalls() throws Exception {
    java.util.concurrent.ExecutorService host = java.util.concurrent.Executors.newFixedThreadPool(
        2, r -> new Thread(r, "host-worker"));
    try (Restock hosted = RestockEngine.builder().store(db.factory()).asyncExecutor(host)
        .build()) {
      String thread = hosted.async(Actor.system(), s -> {
        s.products().list(PageRequest.of(0, 1), Visibility.LIVE);
        return Thread.currentThread().getName();
      }).get();
      assertThat(thread).isEqualTo("host-worker");
    }
    assertThat(host.isShutdown()).as("the host owns its executor").isFalse();
    host.shutdown();
  }

  @Test
  void seedingIsIdempotentAndARepeatAddsNoHistory() throws Exception {
    var data = dev.restock.api.seed.ReferenceData.standard(
        new dev.restock.api.user.CreateUser("root", "root@example.com",
            dev.restock.api.user.Role.ADMIN));

    var first = engine.seed(data);
    assertThat(first.created()).hasSize(7).contains("device type Bank", "administrator root");
    long revisions = count("audit_revision");
    long events = count("audit_log");

    var second = engine.seed(data);
    assertThat(second.changed()).isFalse();
    assertThat(second.unchanged()).hasSize(7);
    assertThat(count("audit_revision")).isEqualTo(revisions);
    assertThat(count("audit_log")).isEqualTo(events);

    var changed = new dev.restock.api.seed.ReferenceData(
        List.of(new dev.restock.api.fleet.CreateDeviceType("Bank", 2)), List.of(), null);
    assertThat(engine.seed(changed).updated()).containsExactly("device type Bank");
    assertThat(count("audit_revision")).isEqualTo(revisions + 1);
    assertThat(engine.as(Actor.system()).deviceTypes().list(PageRequest.of(0, 10),
        Visibility.LIVE).items()).filteredOn(t -> t.name().equals("Bank")).singleElement()
        .extracting(dev.restock.api.fleet.DeviceType::maxCabinets).isEqualTo(2);
  }

  @Test
  void aSeedThatCannotBeAppliedWritesNothing() throws Exception {
    engine.as(Actor.system()).users().create(new dev.restock.api.user.CreateUser("root",
        "other@example.com", dev.restock.api.user.Role.VIEWER));
    long revisions = count("audit_revision");
    var data = dev.restock.api.seed.ReferenceData.standard(
        new dev.restock.api.user.CreateUser("root", "root@example.com",
            dev.restock.api.user.Role.ADMIN));

    assertThatThrownBy(() -> engine.seed(data))
        .isInstanceOf(dev.restock.api.error.ConflictException.class);
    assertThat(count("audit_revision")).isEqualTo(revisions);
    assertThat(count("device_type")).isZero();
  }

  private long count(String table) throws Exception {
    try (var c = db.connect(); var s = c.createStatement();
        var r = s.executeQuery("select count(*) from " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Pool threads started since this test began (HikariCP names them after the pool). */
  private Set<Thread> newPoolThreads() {
    Set<Thread> now = poolThreads();
    now.removeAll(threadsBefore);
    return now;
  }

  private static Set<Thread> poolThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("restock-"))
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }
}
