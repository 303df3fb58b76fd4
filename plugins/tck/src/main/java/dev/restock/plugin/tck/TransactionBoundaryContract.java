package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.TextQuery;
import dev.restock.api.query.Visibility;
import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of units of work through the {@code TransactionBoundary} port: a unit commits
 * whole or not at all, nested units join the outer one and its audit context, a caught inner
 * failure still rolls the whole unit back, read-only units refuse writes, after-commit actions run
 * only on commit, no port works outside a unit, and readers never see half a unit.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface TransactionBoundaryContract extends StoreUnderTest {
  @Test
  default void aUnitOfWorkThatThrowsLeavesNothingAndNestedUnitsJoin() {
    assertThatThrownBy(() -> write("outer", () -> {
      store().products().add(Kit.product("A", "A", "1"));
      return write("inner", () -> {
        store().products().add(Kit.product("B", "B", "1"));
        throw new IllegalStateException("boom");
      });
    })).hasMessageContaining("boom");

    assertThat(read(() -> store().products().list(PageRequest.of(0, 10), Visibility.INCLUDE_DELETED))
        .total()).isZero();
  }

  @Test
  default void everyPortRefusesToWorkOutsideAUnitOfWork() {
    UUID id = UUID.randomUUID();
    Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
    calls.put("products.list", () -> store().products().list(PageRequest.of(0, 1), Visibility.LIVE));
    calls.put("products.add", () -> store().products().add(Kit.product("A", "A", "1")));
    calls.put("locations.find", () -> store().locations().find(id, Visibility.LIVE));
    calls.put("routes.findByCode", () -> store().routes().findByCode("R1"));
    calls.put("deviceTypes.search", () -> store().deviceTypes().search(TextQuery.contains("x"),
        PageRequest.of(0, 1), Visibility.LIVE));
    calls.put("cabinetTypes.list", () -> store().cabinetTypes().list(PageRequest.of(0, 1),
        Visibility.LIVE));
    calls.put("devices.listByRoute", () -> store().devices().listByRoute(id));
    calls.put("planograms.findSlots", () -> store().planograms().findSlots(List.of(id)));
    calls.put("users.findByUsername", () -> store().users().findByUsername("ann"));
    calls.put("sales.forSlot", () -> store().sales().forSlot(id));
    calls.put("history.revisions", () -> store().history().revisions(AuditedType.PRODUCT, id));
    calls.put("history.verifyChain", () -> store().history().verifyChain());
    calls.put("auditLog.events", () -> store().auditLog().events(null, null, null, Instant.EPOCH));
    calls.put("serviceOrders.find", () -> store().serviceOrders().find(id));
    calls.put("numberSeries.next", () -> store().numberSeries().next("T-1"));
    calls.put("stock.onHand", () -> store().stock().onHand(List.of(id)));
    calls.put("deliveryNotes.findByNumber", () -> store().deliveryNotes().findByNumber("DN-1"));
    calls.put("deliveryNotes.find(criteria)", () -> store().deliveryNotes().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("sales.find(criteria)", () -> store().sales().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("stock.find(criteria)", () -> store().stock().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("auditLog.find(criteria)", () -> store().auditLog().find(Criteria.all(),
        PageRequest.of(0, 1)));
    calls.put("reports.stockValue", () -> store().reports().stockValue());
    calls.forEach((name, call) -> assertThatThrownBy(call::run).as(name)
        .isInstanceOf(IllegalStateException.class));
    assertThat(read(() -> store().products().list(PageRequest.of(0, 1), Visibility.INCLUDE_DELETED)
        .total())).isZero();
  }

  @Test
  default void aNestedFailureCaughtByTheOuterLevelStillRollsBackTheWholeUnit() {
    assertThatThrownBy(() -> write("outer", () -> {
      store().products().add(Kit.product("A", "A", "1"));
      try {
        write("inner", () -> {
          store().products().add(Kit.product("B", "B", "1"));
          throw new IllegalArgumentException("inner boom");
        });
      } catch (IllegalArgumentException swallowed) {
        // the unit must still not commit
      }
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");

    assertThat(read(() -> store().products().list(PageRequest.of(0, 10), Visibility.INCLUDE_DELETED)
        .total())).isZero();
    assertThat(read(() -> store().history().changesBy(Actor.SYSTEM_ID, Instant.EPOCH,
        Kit.LATER))).isEmpty();
    assertThat(read(() -> store().history().verifyChain().checked())).isZero();
  }

  @Test
  default void aNestedUnitJoinsTheOuterOneAndItsRevisionKeepsTheOuterContext() {
    UUID actor = UUID.randomUUID();
    Actor who = Actor.user(actor).withReason("why").withClientAddress("192.0.2.1")
        .withUserAgent("kit/1").withCorrelationId("corr-7");
    Product added = store().transactions().write(new AuditContext(who, "outer.action"),
        () -> store().transactions().write(new AuditContext(Actor.system(), "inner.action"),
            () -> store().products().add(Kit.product("A", "A", "1"))));

    assertThat(added.stamp().createdBy()).isEqualTo(actor);
    List<EntityRevision> revisions = read(() -> store().history().revisions(AuditedType.PRODUCT,
        added.id()));
    assertThat(revisions).hasSize(1);
    RevisionInfo info = revisions.get(0).info();
    assertThat(info.actorId()).isEqualTo(actor);
    assertThat(info.action()).isEqualTo("outer.action");
    assertThat(info.reason()).isEqualTo("why");
    assertThat(info.clientAddress()).isEqualTo("192.0.2.1");
    assertThat(info.userAgent()).isEqualTo("kit/1");
    assertThat(info.correlationId()).isEqualTo("corr-7");
  }

  @Test
  default void readOnlyUnitsRefuseWritesAndAfterCommitRunsOnlyOnCommit() {
    assertThatThrownBy(() -> read(() -> store().products().add(Kit.product("A", "A", "1"))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> read(() -> write("nested", () -> null)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    assertThatThrownBy(() -> store().transactions().afterCommit(() -> { }))
        .isInstanceOf(IllegalStateException.class);

    List<String> ran = new CopyOnWriteArrayList<>();
    write("ok", () -> {
      store().transactions().afterCommit(() -> ran.add("committed"));
      assertThat(ran).isEmpty();
      return store().products().add(Kit.product("A", "A", "1"));
    });
    assertThatThrownBy(() -> write("fails", () -> {
      store().transactions().afterCommit(() -> ran.add("rolled back"));
      throw new IllegalStateException("no");
    })).hasMessage("no");
    write("action fails", () -> {
      store().transactions().afterCommit(() -> {
        throw new IllegalStateException("an after-commit failure is not the caller's");
      });
      return store().products().add(Kit.product("B", "B", "1"));
    });

    assertThat(ran).containsExactly("committed");
    assertThat(skus(Visibility.LIVE)).containsExactly("A", "B");
  }

  @Test
  default void readersNeverSeeHalfAUnitOfWork() throws Exception {
    int units = 15;
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Long> odd = new CopyOnWriteArrayList<>();
    AtomicLong reads = new AtomicLong();
    // no sleeping: halfway through each unit the writer waits until a read is under way (one
    // still running, as on a store whose reads wait for the unit, or one started after that
    // point), so every unit overlaps a read however fast either side runs
    Semaphore readStarted = new Semaphore(0);
    AtomicInteger readsRunning = new AtomicInteger();
    AtomicInteger overlapped = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            readsRunning.incrementAndGet();
            readStarted.release();
            long seen;
            try {
              seen = read(() -> store().products().list(PageRequest.of(0, 1), Visibility.LIVE)
                  .total());
            } finally {
              readsRunning.decrementAndGet();
            }
            reads.incrementAndGet();
            if (seen % 2 != 0) {
              odd.add(seen);
            }
          }
          return null;
        }));
      }
      pool.submit(() -> {
        try {
          for (int i = 0; i < units; i++) {
            int n = i;
            write("pair", () -> {
              store().products().add(Kit.product("A" + n, "First of pair " + n, "1"));
              readStarted.drainPermits();
              if (readsRunning.get() > 0 || awaitPermit(readStarted)) {
                overlapped.incrementAndGet();
              }
              return store().products().add(Kit.product("B" + n, "Second of pair " + n, "1"));
            });
          }
        } finally {
          writing.set(false);
        }
        return null;
      }).get();
      for (Future<?> f : readers) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(overlapped).as("units during which a read started").hasValue(units);
    assertThat(odd).as("counts seen between the two writes of a unit").isEmpty();
    assertThat(reads.get()).isPositive();
    assertThat(read(() -> store().products().list(PageRequest.of(0, 1), Visibility.LIVE).total()))
        .isEqualTo(2L * units);
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }

  private <T> T read(Supplier<T> work) {
    return Kit.read(store(), work);
  }

  private List<String> skus(Visibility visibility) {
    return Kit.skus(store(), visibility);
  }

  /** Waits for a permit: a bound for a store that never lets a read start, not a timing. */
  private static boolean awaitPermit(Semaphore permits) {
    try {
      return permits.tryAcquire(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
