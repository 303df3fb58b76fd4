package dev.restock.jpa.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.error.NotFoundException;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.catalog.Product;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.ReadReplica;
import dev.restock.jpa.config.ReplicaStatus;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.tx.UnitOfWork;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read-only units on a PostgreSQL streaming replica (the one {@code scripts/pg-replica.sh}
 * starts): routed there within the staleness bound, to the primary beyond it, after this store's
 * own writes, and when the replica fails a read; writes always on the primary. Each test has a
 * fresh schema on the primary, which the replica receives by replication like everything else.
 */
class PostgresReadReplicaTest {
  private static final AuditContext CONTEXT = new AuditContext(Actor.system(), "product.add");
  /** Long enough that only {@link JpaStore#checkReplica()} measures within a test. */
  private static final Duration NO_AUTOMATIC_CHECK = Duration.ofHours(1);

  private FreshDatabase db;
  private String schema;
  /** A store on the primary only: a writer behind the replica store's back. */
  private JpaStore primaryOnly;
  private final List<JpaStore> opened = new ArrayList<>();

  @BeforeEach
  void freshSchemaReplicated() throws Exception {
    Replica.require();
    db = TestDatabase.POSTGRES.fresh();
    schema = db.jdbcUrl().replaceFirst(".*currentSchema=", "");
    primaryOnly = open(db.config());
    Replica.awaitReplayed();
  }

  @AfterEach
  void cleanUp() throws SQLException {
    try {
      Replica.endPause();
    } finally {
      opened.forEach(JpaStore::close);
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void readOnlyUnitsRunOnTheReplicaAndWriteUnitsOnThePrimary() {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));

    assertTrue(store.transactions().read(PostgresReadReplicaTest::inRecovery),
        "a read-only unit runs on the replica");
    assertFalse(store.transactions().write(CONTEXT, PostgresReadReplicaTest::inRecovery),
        "a read-write unit runs on the primary");
    // a read nested in a write joins the write's unit, on the primary
    assertFalse(store.transactions().write(CONTEXT,
        () -> store.transactions().read(PostgresReadReplicaTest::inRecovery)));
    Product written = add(store, "WRITTEN");
    assertEquals(written.id(), primaryRow("WRITTEN"), "the write landed on the primary");

    ReplicaStatus status = store.replica().orElseThrow();
    assertTrue(status.usable(), status.toString());
    assertEquals(1, status.replicaReads());
    assertEquals(0, status.fallbacks());
  }

  @Test
  void aRowWrittenOnThePrimaryIsSeenThroughTheStoreOnlyOnceTheReplicaReplaysIt()
      throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));
    Replica.pauseReplay();
    add(primaryOnly, "LATE");

    ReplicaStatus status = store.checkReplica().orElseThrow();
    assertTrue(status.usable(), "behind, but within a minute: " + status);
    assertTrue(findBySku(store, "LATE").isEmpty(),
        "served by the paused replica, the read does not see the primary's new row yet");

    Replica.resumeReplay();
    Replica.awaitReplayed();
    assertTrue(findBySku(store, "LATE").isPresent(), "replayed, the replica has it");
    assertEquals(2, store.replica().orElseThrow().replicaReads());
  }

  @Test
  void aReplicaBehindItsBoundIsBypassedAndTheReadSeesThePrimarysWrite() throws Exception {
    JpaStore store = withReplica(within(Duration.ZERO));
    Replica.pauseReplay();
    add(primaryOnly, "FRESH");

    ReplicaStatus status = store.checkReplica().orElseThrow();
    assertFalse(status.usable(), status.toString());
    assertTrue(status.problem().contains("behind the primary"), status.problem());
    assertTrue(status.staleness().compareTo(Duration.ZERO) > 0, status.toString());

    assertTrue(findBySku(store, "FRESH").isPresent(), "the read went to the primary");
    assertFalse(store.transactions().read(PostgresReadReplicaTest::inRecovery));
    ReplicaStatus after = store.replica().orElseThrow();
    assertEquals(0, after.replicaReads());
    assertEquals(2, after.primaryReads());
  }

  @Test
  void theEnginesReadUseCasesAreServedByTheReplica() throws Exception {
    dev.restock.jpa.config.JpaStoreConfig config = db.config()
        .withReadReplica(within(Duration.ofMinutes(1)));
    JpaStore[] store = new JpaStore[1];
    try (Restock engine = RestockEngine.builder()
        .store(() -> store[0] = JpaStore.open(config)).build()) {
      RestockSession session = engine.as(Actor.system());
      assertTrue(store[0].checkReplica().orElseThrow().usable());
      Replica.pauseReplay();
      add(primaryOnly, "LISTED");

      assertThrows(NotFoundException.class, () -> session.products().getBySku("LISTED"),
          "the engine's read went to the paused replica");

      Replica.resumeReplay();
      Replica.awaitReplayed();
      assertEquals("LISTED", session.products().getBySku("LISTED").sku());
      ReplicaStatus status = store[0].replica().orElseThrow();
      assertTrue(status.replicaReads() >= 2, status.toString());
    }
  }

  @Test
  void aReadAfterThisStoresOwnWriteSeesItWhileTheReplicaHasNotReplayedIt() throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));
    assertTrue(store.checkReplica().orElseThrow().usable(), "else the test proves nothing");
    Replica.pauseReplay();

    add(store, "MINE");

    assertTrue(findBySku(store, "MINE").isPresent(), "read-your-writes: on the primary");
    assertEquals(1, store.replica().orElseThrow().primaryReads());
  }

  @Test
  void withoutReadYourWritesAReadWithinTheBoundMayMissThisStoresOwnWrite() throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)).withReadYourWrites(false));
    assertTrue(store.checkReplica().orElseThrow().usable());
    Replica.pauseReplay();

    add(store, "MINE");

    assertTrue(findBySku(store, "MINE").isEmpty(), "served by the paused replica");
    assertEquals(1, store.replica().orElseThrow().replicaReads());
  }

  @Test
  void aReadWhoseReplicaConnectionDiesMidwayRunsAgainOnThePrimaryWithoutAnError()
      throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));
    add(primaryOnly, "THERE");
    Replica.awaitReplayed();
    assertTrue(store.checkReplica().orElseThrow().usable());

    AtomicInteger attempts = new AtomicInteger();
    List<Boolean> onReplica = new ArrayList<>();
    Optional<Product> found = store.transactions().read(() -> {
      onReplica.add(inRecovery());
      if (attempts.incrementAndGet() == 1) {
        terminateOnReplica(backendPid());
      }
      return store.products().findBySku("THERE");
    });

    assertTrue(found.isPresent(), "the caller gets the primary's answer, no error");
    assertEquals(List.of(true, false), onReplica, "first on the replica, then on the primary");
    ReplicaStatus status = store.replica().orElseThrow();
    assertEquals(1, status.fallbacks());
    assertEquals(0, status.replicaReads());
    assertFalse(status.usable(), "left alone until the next measurement");
    assertTrue(status.problem().contains("failed during a read"), status.problem());

    // measured again, it serves again (its pool replaced the dead connection)
    assertTrue(store.checkReplica().orElseThrow().usable());
    assertTrue(store.transactions().read(PostgresReadReplicaTest::inRecovery));
  }

  /**
   * Only the end of the unit meets the dead connection: the work has read everything, so its
   * result is returned and the work (with its callbacks) runs once.
   */
  @Test
  void aReplicaDroppedAfterTheWorkReturnedGivesItsResultWithoutRunningTheWorkAgain()
      throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));
    for (int i = 0; i < 3; i++) {
      add(primaryOnly, "R" + i);
    }
    Replica.awaitReplayed();
    assertTrue(store.checkReplica().orElseThrow().usable());
    List<Long> leaves = new ArrayList<>();
    AtomicInteger attempts = new AtomicInteger();

    List<Long> result = store.transactions().read(() -> {
      List<Long> mine = new ArrayList<>();
      long size = store.history().chainHead().size();
      store.history().chained(1, size, r -> {
        leaves.add(r.seq());
        mine.add(r.seq());
      });
      if (attempts.incrementAndGet() == 1) {
        terminateOnReplica(backendPid());
      }
      return mine;
    });

    assertEquals(1, attempts.get(), "the work ran once");
    assertEquals(List.of(1L, 2L, 3L), leaves, "each callback once");
    assertEquals(List.of(1L, 2L, 3L), result);
    assertEquals(1, store.replica().orElseThrow().replicaReads());
    assertEquals(0, store.replica().orElseThrow().fallbacks());
  }

  /**
   * The replica dies before the work has read anything: it runs again on the primary, and work
   * that builds its state inside the unit (as the checkpointer now does) gets the right result.
   */
  @Test
  void aReplicaDroppedMidWorkRerunsOnThePrimaryAndWorkBuiltInsideTheUnitIsRight()
      throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));
    for (int i = 0; i < 3; i++) {
      add(primaryOnly, "M" + i);
    }
    Replica.awaitReplayed();
    assertTrue(store.checkReplica().orElseThrow().usable());
    AtomicInteger attempts = new AtomicInteger();

    List<Long> result = store.transactions().read(() -> {
      List<Long> mine = new ArrayList<>();
      if (attempts.incrementAndGet() == 1) {
        terminateOnReplica(backendPid());
      }
      long size = store.history().chainHead().size();
      store.history().chained(1, size, r -> mine.add(r.seq()));
      return mine;
    });

    assertEquals(2, attempts.get(), "run again on the primary");
    assertEquals(List.of(1L, 2L, 3L), result);
    assertEquals(1, store.replica().orElseThrow().fallbacks());
  }

  /**
   * A verdict measured current is trusted only for the bound: 2 s after it, with replay paused,
   * a 500 ms bound sends the read to the primary although the check interval is an hour.
   */
  @Test
  void aVerdictOlderThanTheBoundIsNotTrustedEvenWithinTheCheckInterval() throws Exception {
    JpaStore store = withReplica(within(Duration.ofMillis(500)));
    assertTrue(store.checkReplica().orElseThrow().usable());
    Replica.pauseReplay();
    add(primaryOnly, "PAUSED");
    long measuredBy = System.nanoTime();
    waitUntil(measuredBy + Duration.ofSeconds(2).toNanos());

    assertTrue(findBySku(store, "PAUSED").isPresent(), "a replica 2 s behind serves no read");
    ReplicaStatus status = store.replica().orElseThrow();
    assertEquals(0, status.replicaReads(), status.toString());
    assertFalse(status.usable(), "measured again: " + status);
  }

  /**
   * While one reader's measurement waits for a write pool held by writers, the others do not go
   * by the expired verdict: the replica, paused and seconds behind a 500 ms bound, serves none of
   * them.
   */
  @Test
  void whileAMeasurementIsHeldUpReadsDoNotGoByAnExpiredVerdict() throws Exception {
    JpaStore store = open(db.config().withMaxPoolSize(2)
        .withConnectionTimeout(Duration.ofSeconds(30))
        .withReadReplica(ReadReplica.of(Replica.url(schema), null, null,
            Duration.ofMillis(500)).withCheckInterval(Duration.ofMillis(100))));
    assertTrue(store.checkReplica().orElseThrow().usable());
    long measuredBy = System.nanoTime();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(2);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      threads.add(start(() -> store.transactions().write(CONTEXT, () -> {
        holding.countDown();
        await(release);
        return null;
      })));
    }
    holding.await();
    Replica.pauseReplay();
    add(primaryOnly, "STALE");
    waitUntil(measuredBy + Duration.ofSeconds(1).toNanos());
    long primaryReads = store.replica().orElseThrow().primaryReads();
    List<Boolean> sawRow = java.util.Collections.synchronizedList(new ArrayList<>());
    threads.add(start(() -> sawRow.add(findBySku(store, "STALE").isPresent())));
    threads.add(start(() -> sawRow.add(findBySku(store, "STALE").isPresent())));
    // both readers are routed (to the primary, where they wait for a connection) or done
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (sawRow.size() + store.replica().orElseThrow().primaryReads() - primaryReads < 2
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }

    assertEquals(List.of(true, true), sawRow, "no read served by the paused replica");
    assertEquals(0, store.replica().orElseThrow().replicaReads());
  }

  @Test
  void aReplicaThatIsNotThereLeavesEveryReadToThePrimary() {
    String nowhere = "jdbc:postgresql://127.0.0.1:" + unusedPort() + "/test?currentSchema="
        + schema + "&connectTimeout=1";
    JpaStore store = open(db.config().withReadReplica(
        ReadReplica.of(nowhere, null, null, Duration.ofMinutes(1))
            .withCheckInterval(NO_AUTOMATIC_CHECK)));
    add(primaryOnly, "HERE");

    assertTrue(findBySku(store, "HERE").isPresent());
    ReplicaStatus status = store.replica().orElseThrow();
    assertFalse(status.usable());
    assertTrue(status.problem().contains("does not answer"), status.problem());
    assertEquals(1, status.primaryReads());
  }

  @Test
  void stalenessIsMeasuredOncePerCheckIntervalNotPerRead() {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)));
    long before = store.replica().orElseThrow().checks();

    for (int i = 0; i < 25; i++) {
      store.transactions().read(PostgresReadReplicaTest::inRecovery);
    }

    ReplicaStatus status = store.replica().orElseThrow();
    assertEquals(before, status.checks(), "no measurement within the interval");
    assertEquals(25, status.replicaReads());
    assertEquals(before + 1, store.checkReplica().orElseThrow().checks());
  }

  /** Lets wall time pass up to {@code nanoTime}: staleness is time, there is nothing to await. */
  private static void waitUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  private static Thread start(Runnable body) {
    Thread t = new Thread(body);
    t.start();
    return t;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ReadReplica within(Duration maxStaleness) {
    return ReadReplica.of(Replica.url(schema), null, null, maxStaleness)
        .withCheckInterval(NO_AUTOMATIC_CHECK);
  }

  private JpaStore withReplica(ReadReplica replica) {
    return open(db.config().withReadReplica(replica));
  }

  private JpaStore open(dev.restock.jpa.config.JpaStoreConfig config) {
    JpaStore store = JpaStore.open(config);
    opened.add(store);
    return store;
  }

  private static Product add(JpaStore store, String sku) {
    return store.transactions().write(CONTEXT, () -> store.products().add(new Product(
        UUID.randomUUID(), sku, "Product " + sku, null, new BigDecimal("1.00"), 1, true, 0,
        AuditStamp.NEW, null)));
  }

  private static Optional<Product> findBySku(JpaStore store, String sku) {
    return store.transactions().read(() -> store.products().findBySku(sku));
  }

  /** Whether the current unit's connection is on a server in recovery: the replica. */
  private static boolean inRecovery() {
    return UnitOfWork.currentSession().doReturningWork(c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select pg_is_in_recovery()")) {
        r.next();
        return r.getBoolean(1);
      }
    });
  }

  private static int backendPid() {
    return UnitOfWork.currentSession().doReturningWork(c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select pg_backend_pid()")) {
        r.next();
        return r.getInt(1);
      }
    });
  }

  /** Ends backend {@code pid} on the replica, as a replica restart would, and waits until gone. */
  private static void terminateOnReplica(int pid) {
    try (Connection c = DriverManager.getConnection(Replica.URL, Replica.USER, "");
        PreparedStatement s = c.prepareStatement("select pg_terminate_backend(?, 10000)")) {
      s.setInt(1, pid);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        assertTrue(r.getBoolean(1), "backend " + pid + " terminated");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private UUID primaryRow(String sku) {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement("select id from product where sku = ?")) {
      s.setString(1, sku);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? UUID.fromString(r.getString(1)) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int unusedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
