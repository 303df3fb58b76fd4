package dev.restock.jpa.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.StoreUnavailableException;
import dev.restock.api.spi.Store;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.core.audit.trust.Checkpointer;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.bootstrap.ReplicaRouting;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.tx.Failures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The replica's rules that need no replica: which failures send a read to the primary, the age
 * of the replica's last commit, and read work that a store runs twice.
 */
class ReplicaRulesTest {

  @Test
  void onlyAConnectionFailureMeansTheReplicaIsGone() {
    assertFalse(Failures.replicaUnavailable(new StoreUnavailableException("busy", null)),
        "the store's own refusal, no connection failure behind it");
    assertFalse(Failures.replicaUnavailable(new StoreUnavailableException("too slow",
        new SQLException("canceling statement due to statement timeout", "57014"))),
        "a statement timeout: as slow on the primary");
    assertTrue(Failures.replicaUnavailable(new StoreUnavailableException("dropped",
        new SQLException("An I/O error occurred", "08006"))));
    assertTrue(Failures.replicaUnavailable(new SQLException("shutting down", "57P01")));
  }

  @Test
  void theReplaysAgeIsOnThePrimarysClockAndNegativeIsUnknown() {
    // primary's clock 100.0 s when asked; the replica answered 0.25 s later; commit at 98.5 s
    assertEquals(Duration.ofMillis(1750),
        ReplicaRouting.replayAge(100.0, 1_000_000_000L, 98.5, 1_250_000_000L));
    assertEquals(Duration.ofMillis(1500), ReplicaRouting.replayAge(100.0, 5L, 98.5, 5L));
    // a commit dated after the primary's own clock at the time: not "current", unknown
    assertNull(ReplicaRouting.replayAge(100.0, 0L, 101.0, 500_000_000L));
  }

  /**
   * A store that runs each outermost read twice (as one does when its replica fails mid-read)
   * must not make the checkpointer see every revision twice and cry tamper.
   */
  @Test
  void aCheckpointSurvivesItsReadsRunningTwice() throws Exception {
    try (FreshDatabase db = TestDatabase.H2.fresh(); JpaStore store = JpaStore.open(db.config())) {
      for (int i = 0; i < 3; i++) {
        String sku = "C" + i;
        store.transactions().write(new AuditContext(Actor.system(), "product.add"),
            () -> store.products().add(new Product(UUID.randomUUID(), sku, "Product", null,
                new BigDecimal("1.00"), 1, true, 0, AuditStamp.NEW, null)));
      }
      int[] reads = {0};
      TransactionBoundary twice = rerunningReads(store.transactions(), reads);
      Store rerunning = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(),
          new Class<?>[] {Store.class}, (proxy, method, args) -> {
            if (method.getName().equals("transactions") && method.getParameterCount() == 0) {
              return twice;
            }
            try {
              return method.invoke(store, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });

      try (Checkpointer checkpointer = new Checkpointer(Checkpointer.Settings.manual(),
          rerunning, Clock.systemUTC())) {
        Checkpoint made = checkpointer.checkpointNow();
        assertEquals(store.transactions().read(() -> store.history().chainHead().size()),
            made.size());
      }
      assertTrue(reads[0] > 0, "reads ran twice");
    }
  }

  private static TransactionBoundary rerunningReads(TransactionBoundary real, int[] reads) {
    return (TransactionBoundary) Proxy.newProxyInstance(
        TransactionBoundary.class.getClassLoader(), new Class<?>[] {TransactionBoundary.class},
        (proxy, method, args) -> {
          if (method.getName().equals("read") && !real.inUnitOfWork()) {
            @SuppressWarnings("unchecked")
            Supplier<Object> work = (Supplier<Object>) args[0];
            real.read(work);
            reads[0]++;
            return real.read(work);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
