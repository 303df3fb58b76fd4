package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.ops.Statistics;
import dev.restock.api.query.PageRequest;
import dev.restock.api.serviceorder.CompleteVisit;
import dev.restock.api.serviceorder.OrderStatus;
import dev.restock.api.serviceorder.ServiceOrder;
import dev.restock.api.serviceorder.VisitStatus;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.Store;
import dev.restock.api.user.CreateUser;
import dev.restock.api.user.Role;
import dev.restock.api.user.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrency is the same on every store: the everyday mix of receipts, dispatches and visit
 * completions from many threads loses no job and keeps every invariant; different visits of one
 * order never conflict; one visit is delivered once; a unit beaten by a concurrent change is run
 * again whole, its side effects outside the store happen once, and a unit the host opened is
 * never run again behind its back. Extend it with {@link #openEngine}. The number of jobs of the
 * mixed run is {@value #DEFAULT_JOBS}, or the system property {@code restock.concurrency.jobs}.
 */
public abstract class ConcurrencyContract {
  static final int DEFAULT_JOBS = 40;
  private Restock engine;

  /**
   * An engine on a new, empty store opened through {@code wrap}, which retries a unit of work at
   * most {@code maxAttempts} times in all (builder's {@code conflictRetry(maxAttempts, 10 ms,
   * 200 ms)}), with {@code plugins} registered.
   */
  protected abstract Restock openEngine(int maxAttempts, UnaryOperator<Store> wrap,
      EnginePlugin... plugins);

  /** Called after each test, after the engine is closed; drop what {@link #openEngine} made. */
  protected void cleanUp() {}

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    cleanUp();
  }

  @Test
  public void theEverydayMixFromEightThreadsLosesNoJobAndKeepsEveryInvariant() throws Exception {
    int jobs = Integer.getInteger("restock.concurrency.jobs", DEFAULT_JOBS);
    engine = openEngine(5, UnaryOperator.identity());
    User admin = ConcurrentWorkload.setUp(engine, jobs);
    RestockSession ops = engine.as(Actor.user(admin.id()));
    ConcurrentWorkload.Plan plan = ConcurrentWorkload.plan(ops);
    Statistics before = engine.statistics();

    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < 8; t++) {
      workers.add(pool.submit(() -> {
        start.await();
        for (int job = next.getAndIncrement(); job < jobs; job = next.getAndIncrement()) {
          try {
            ConcurrentWorkload.run(ops, plan, job);
          } catch (RuntimeException e) {
            failures.add("job " + job + ": " + e);
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> w : workers) {
      w.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    Statistics after = engine.statistics();
    System.out.printf("%s: %d jobs on 8 threads in %d ms, %d failed, %d retries, %d gave up%n",
        getClass().getSimpleName(), jobs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
        failures.size(), after.retries() - before.retries(),
        after.retriesExhausted() - before.retriesExhausted());

    assertThat(failures).as("failed jobs").isEmpty();
    assertThat(ConcurrentWorkload.violations(ops, jobs)).as("invariants").isEmpty();
    assertThat(after.retriesExhausted()).isZero();
  }

  @Test
  public void driversCompletingDifferentVisitsOfOneOrderAtOnceNeverConflict() throws Exception {
    engine = openEngine(1, UnaryOperator.identity()); // no retries: a conflict would fail a call
    User admin = ConcurrentWorkload.setUp(engine, 18); // one order with six visits
    RestockSession ops = engine.as(Actor.user(admin.id()));
    List<ConcurrentWorkload.VisitRef> visits = ConcurrentWorkload.plan(ops).visits();
    assertThat(visits).hasSize(6);
    UUID orderId = visits.get(0).orderId();
    assertThat(visits).allMatch(v -> v.orderId().equals(orderId));

    List<String> outcomes = race(visits.size(), i -> ops.serviceOrders()
        .completeVisit(orderId, visits.get(i).visitId(), CompleteVisit.asPlanned()));

    assertThat(outcomes).containsOnly("ok");
    ServiceOrder order = ops.serviceOrders().get(orderId);
    assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(order.visits()).allMatch(v -> v.status() == VisitStatus.COMPLETED);
    assertThat(ConcurrentWorkload.violations(ops, 0, 0, 6)).isEmpty();
    assertThat(engine.statistics().retries()).isZero();
  }

  @Test
  public void aVisitCompletedTwiceAtOnceIsDeliveredOnceAndTheSecondCallIsRefused()
      throws Exception {
    engine = openEngine(5, UnaryOperator.identity());
    User admin = ConcurrentWorkload.setUp(engine, 18);
    RestockSession ops = engine.as(Actor.user(admin.id()));
    List<ConcurrentWorkload.VisitRef> visits = ConcurrentWorkload.plan(ops).visits();
    for (int round = 0; round < 3; round++) {
      ConcurrentWorkload.VisitRef v = visits.get(round);
      List<String> outcomes = race(2, i -> ops.serviceOrders()
          .completeVisit(v.orderId(), v.visitId(), CompleteVisit.asPlanned()));
      assertThat(outcomes).containsExactlyInAnyOrder("ok", "refused");
    }
    // visits 0..2 completed once each (slots filled once), 3..5 untouched
    assertThat(ConcurrentWorkload.violations(ops, 0, 0, 3)).isEmpty();
  }

  /** Runs {@code n} calls at once; each outcome is "ok", "refused" (illegal state) or the error. */
  private static List<String> race(int n, java.util.function.IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(pool.submit(() -> {
        start.await();
        try {
          call.accept(index);
          return "ok";
        } catch (IllegalStateTransitionException e) {
          return "refused";
        } catch (RuntimeException e) {
          return e.toString();
        }
      }));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : futures) {
      outcomes.add(f.get(2, TimeUnit.MINUTES));
    }
    pool.shutdown();
    return outcomes;
  }

  @Test
  public void aUnitBeatenByAConcurrentChangeRunsAgainWholeAndItsSideEffectsHappenOnce() {
    RecordingSink sink = new RecordingSink("recording-sink");
    AtomicReference<ConflictingStock> stock = new AtomicReference<>();
    engine = openEngine(5, s -> {
      ConflictingStock wrapped = new ConflictingStock(s, 2);
      stock.set(wrapped);
      return wrapped;
    }, sink.plugin());
    RestockSession ops = admin();
    Product cola = ops.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
    sink.events.clear();

    assertThat(ops.stock().receive(cola.id(), 7, "delivery").onHand()).isEqualTo(7);

    // each failed attempt had written its level before it failed: rolled back, not added up
    assertThat(ops.stock().level(cola.id()).onHand()).isEqualTo(7);
    assertThat(stock.get().writes.get()).isEqualTo(3);
    assertThat(sink.events).extracting(AuditEvent::action).containsExactly("stock.receive");
    assertThat(receipts(ops)).hasSize(1);
    Statistics stats = engine.statistics();
    assertThat(stats.retries()).isEqualTo(2);
    assertThat(stats.retriesExhausted()).isZero();
  }

  @Test
  public void retriesStopAfterTheConfiguredAttemptsWithATypedConflictAndAreCounted() {
    RecordingSink sink = new RecordingSink("recording-sink");
    AtomicReference<ConflictingStock> stock = new AtomicReference<>();
    engine = openEngine(3, s -> {
      ConflictingStock wrapped = new ConflictingStock(s, Integer.MAX_VALUE);
      stock.set(wrapped);
      return wrapped;
    }, sink.plugin());
    RestockSession ops = admin();
    Product cola = ops.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
    sink.events.clear();

    assertThatThrownBy(() -> ops.stock().receive(cola.id(), 7, "delivery"))
        .isInstanceOf(ConcurrentChangeException.class);

    assertThat(stock.get().writes.get()).isEqualTo(3);
    assertThat(ops.stock().level(cola.id()).onHand()).isZero();
    assertThat(sink.events).isEmpty();
    assertThat(receipts(ops)).isEmpty();
    Statistics stats = engine.statistics();
    assertThat(stats.retries()).isEqualTo(2);
    assertThat(stats.retriesExhausted()).isEqualTo(1);
  }

  @Test
  public void aUseCaseInsideAUnitOfWorkTheHostOpenedIsNeverRunAgainBehindItsBack() {
    RecordingSink sink = new RecordingSink("recording-sink");
    AtomicReference<ConflictingStock> stock = new AtomicReference<>();
    engine = openEngine(5, s -> {
      ConflictingStock wrapped = new ConflictingStock(s, 1);
      stock.set(wrapped);
      return wrapped;
    }, sink.plugin());
    RestockSession ops = admin();
    Product cola = ops.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 6));
    Product chips = ops.products().create(
        new CreateProduct("CHIPS", "Chips", "Snacks", new BigDecimal("0.80"), 10));
    sink.events.clear();

    // the host composes two use cases in one unit of its own; the second meets a conflict
    assertThatThrownBy(() -> stock.get().transactions().write(
        new AuditContext(ops.actor(), "host.batch"), () -> {
          ops.products().create(
              new CreateProduct("WATER", "Water", "Drinks", new BigDecimal("0.50"), 12));
          return ops.stock().receive(chips.id(), 4, "delivery");
        })).isInstanceOf(ConcurrentChangeException.class);

    assertThat(stock.get().writes.get()).as("attempts of the nested receive").isEqualTo(1);
    assertThat(engine.statistics().retries()).isZero();
    assertThat(ops.stock().level(chips.id()).onHand()).isZero();
    assertThat(ops.products().list(dev.restock.api.query.PageRequest.of(0, 10)).items())
        .extracting(Product::sku).containsExactlyInAnyOrder("COLA", "CHIPS");
    assertThat(sink.events).isEmpty();

    // the host decides to run its unit again: it goes through
    assertThat(ops.stock().receive(cola.id(), 2, "again").onHand()).isEqualTo(2);
    assertThat(sink.events).extracting(AuditEvent::action).containsExactly("stock.receive");
  }

  /** The store's own audit events of stock receipts. */
  private static List<AuditEvent> receipts(RestockSession ops) {
    return ops.history().events(null, java.time.Instant.EPOCH).stream()
        .filter(e -> e.action().equals("stock.receive")).toList();
  }

  private RestockSession admin() {
    User admin = engine.as(Actor.system()).users()
        .create(new CreateUser("admin", "admin@example.com", Role.ADMIN));
    return engine.as(Actor.user(admin.id()));
  }
}
