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
      Replica.resumeReplay();
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
    Replica.pauseReplay();

    add(store, "MINE");

    assertTrue(findBySku(store, "MINE").isPresent(), "read-your-writes: on the primary");
    assertEquals(1, store.replica().orElseThrow().primaryReads());
  }

  @Test
  void withoutReadYourWritesAReadWithinTheBoundMayMissThisStoresOwnWrite() throws Exception {
    JpaStore store = withReplica(within(Duration.ofMinutes(1)).withReadYourWrites(false));
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
