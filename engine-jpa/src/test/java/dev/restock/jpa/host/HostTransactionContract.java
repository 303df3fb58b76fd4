package dev.restock.jpa.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.error.ConflictException;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.query.PageRequest;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's units of work joined to the host's transaction, through a host that manages its
 * transactions by hand over JDBC: one commit, one rollback, one revision per host transaction,
 * audit sinks after the host's commit only, the chain head locked until the host commits, and a
 * chain that verifies whatever the host decided.
 */
abstract class HostTransactionContract {
  private static final List<String> WRITTEN = List.of("product", "product_aud", "location",
      "location_aud", "audit_revision", "audit_log");

  private HostDatabase db;
  private JpaStoreConfig config;
  private JdbcHostTransactions host;
  private Restock engine;
  private Store store;
  private RestockSession session;
  private final List<AuditEvent> published = new CopyOnWriteArrayList<>();

  protected abstract TestDatabase kind();

  /** Whether a host's open transaction holds the database's write lock (SQLite's IMMEDIATE). */
  protected boolean hostTransactionHoldsTheWriteLock() {
    return false;
  }

  @BeforeEach
  void startEngineOnTheHostsPool() {
    db = HostDatabase.of(kind());
    host = new JdbcHostTransactions(db.pool);
    config = JpaStoreConfig.of(db.pool, db.database()).withHostTransactions(host);
    EnginePlugin sinks = new EnginePlugin() {
      @Override
      public String id() {
        return "recording-sink";
      }

      @Override
      public void register(PluginRegistrar registrar) {
        registrar.auditSink(new AuditSink() {
          @Override
          public String id() {
            return "recording";
          }

          @Override
          public void accept(AuditEvent event) {
            published.add(event);
          }
        });
      }
    };
    engine = RestockEngine.builder()
        .store(() -> store = JpaStores.of(config).open())
        .plugin(sinks).build();
    session = engine.as(Actor.system().withReason("host transaction suite"));
    db.execute("create table host_invoice (id integer primary key, note varchar(100))");
    // something committed before each test, so that "unchanged" is not "empty"
    session.products().create(product("SEED"));
    published.clear();
  }

  @AfterEach
  void closeAll() {
    if (engine != null) {
      engine.close();
    }
    db.close();
  }

  private static CreateProduct product(String sku) {
    return new CreateProduct(sku, sku + " name", "Drinks", new BigDecimal("1.00"), 6);
  }

  private List<Long> counts() {
    return WRITTEN.stream().map(db::count).toList();
  }

  private boolean intact() {
    return session.history().verify().intact();
  }

  /**
   * A store opened with keys inside a host's transaction (whose locks the sealing, on a thread
   * of its own, could wait for) does not seal the plain values: it warns and writes nothing.
   */
  @Test
  void aStoreOpenedWithKeysInsideAHostTransactionDoesNotSealAndWritesNothing(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    session.locations().create(new CreateLocation("Depot", "1 Main St"));
    long revisions = db.count("audit_revision");
    var keys = dev.restock.jpa.crypto.KeyFileKeyProvider.create(dir.resolve("keys.properties"));
    try (var tx = host.begin()) {
      if (hostTransactionHoldsTheWriteLock()) {
        // SQLite: the host's transaction holds the write lock, so even the migration at open
        // cannot run; the store is refused and nothing is written
        assertThatThrownBy(() -> dev.restock.jpa.JpaStore.open(config.withKeys(keys)).close())
            .hasMessageContaining("locked");
      } else {
        try (dev.restock.jpa.JpaStore keyed = dev.restock.jpa.JpaStore.open(
            config.withKeys(keys))) {
          assertThat(keyed.sealedAtOpen()).isZero();
        }
      }
      tx.rollback();
    }
    assertThat(db.count("audit_revision")).isEqualTo(revisions);
    assertThat(db.count("subject_key")).isZero();
  }

  @Test
  void twoUseCasesInAHostTransactionThatRollsBackLeaveNothing() {
    List<Long> before = counts();
    String head = db.chainHead();

    try (var tx = host.begin()) {
      session.products().create(product("COLA"));
      session.locations().create(new CreateLocation("Depot", "1 Main St"));
      tx.rollback();
    }

    assertThat(counts()).isEqualTo(before);
    assertThat(db.chainHead()).isEqualTo(head);
    assertThat(published).isEmpty();
    assertThat(intact()).isTrue();
    // and the engine goes on: its next own unit chains after the head as it was
    session.products().create(product("TEA"));
    assertThat(intact()).isTrue();
    assertThat(published).hasSize(1);
  }

  @Test
  void twoUseCasesInAHostTransactionThatCommitsAreOneRevisionAndReachSinksAfterTheCommit() {
    long revisions = db.count("audit_revision");
    long events = db.count("audit_log");
    Product cola;
    try (var tx = host.begin()) {
      cola = session.products().create(product("COLA"));
      session.locations().create(new CreateLocation("Depot", "1 Main St"));
      assertThat(published).as("sinks wait for the host's commit").isEmpty();
      assertThat(db.count("product")).as("not visible outside the host's transaction")
          .isEqualTo(1);
      tx.commit();
    }

    assertThat(db.count("product")).isEqualTo(2);
    assertThat(db.count("location")).isEqualTo(1);
    assertThat(db.count("audit_revision")).as("one revision per host transaction")
        .isEqualTo(revisions + 1);
    assertThat(db.count("audit_log")).isEqualTo(events + 2);
    assertThat(published).extracting(AuditEvent::action)
        .containsExactly("product.create", "location.create");
    assertThat(session.history().history(AuditedType.PRODUCT, cola.id())).hasSize(1);
    assertThat(intact()).isTrue();
  }

  @Test
  void theHostsOwnWritesAndTheEnginesCommitAndRollBackTogether() {
    try (var tx = host.begin()) {
      tx.execute("insert into host_invoice (id, note) values (1, 'for COLA')");
      session.products().create(product("COLA"));
      tx.rollback();
    }
    assertThat(db.count("host_invoice")).isZero();
    assertThat(db.count("product")).isEqualTo(1);

    try (var tx = host.begin()) {
      session.products().create(product("COLA"));
      // the engine's changes are flushed when the call returns: the host's SQL sees them
      tx.execute("insert into host_invoice (id, note) select 2, sku from product"
          + " where sku = 'COLA'");
      tx.commit();
    }
    assertThat(db.count("host_invoice")).isEqualTo(1);
    assertThat(db.count("product")).isEqualTo(2);
    assertThat(intact()).isTrue();
  }

  @Test
  void aFailingUseCaseMarksTheHostTransactionRollbackOnlyAndNothingIsWritten() {
    List<Long> before = counts();
    String head = db.chainHead();
    try (var tx = host.begin()) {
      session.products().create(product("COLA"));
      assertThatThrownBy(() -> session.products().create(product("SEED")))
          .isInstanceOf(ConflictException.class);
      assertThat(tx.rollbackOnly()).isTrue();
      assertThatThrownBy(() -> session.locations().create(new CreateLocation("Depot", "x")))
          .hasMessageContaining("an earlier Restock call failed");
      assertThatThrownBy(tx::commit).hasMessageContaining("rollback-only");
    }
    assertThat(counts()).isEqualTo(before);
    assertThat(db.chainHead()).isEqualTo(head);
    assertThat(published).isEmpty();
    assertThat(intact()).isTrue();
  }

  @Test
  void insideAHostTransactionTheEngineIsInAUnitOfWorkItDoesNotOwn() {
    assertThat(store.transactions().inUnitOfWork()).isFalse();
    try (var tx = host.begin()) {
      assertThat(store.transactions().inUnitOfWork())
          .as("so a conflict is never retried behind the host's back").isTrue();
      tx.rollback();
    }
    assertThat(store.transactions().inUnitOfWork()).isFalse();
  }

  @Test
  void aReadOnlyHostTransactionReadsButRefusesWrites() {
    try (var tx = host.begin(true)) {
      assertThat(session.products().list(PageRequest.first()).items()).hasSize(1);
      assertThatThrownBy(() -> session.products().create(product("COLA")))
          .hasMessageContaining("read-only");
      tx.rollback();
    }
    assertThat(db.count("product")).isEqualTo(1);
  }

  @Test
  void theChainHeadStaysLockedUntilTheHostCommits() throws Exception {
    long size = Long.parseLong(db.chainHead().split(":")[0]);
    CompletableFuture<Product> other = new CompletableFuture<>();
    try (var tx = host.begin()) {
      session.products().create(product("COLA"));
      tx.commit(() -> {
        // the engine has sealed the host's revision; another writer must wait for the commit
        CompletableFuture.runAsync(() -> {
          try {
            other.complete(engine.as(Actor.system()).products().create(product("TEA")));
          } catch (RuntimeException e) {
            other.completeExceptionally(e);
          }
        });
        try {
          Thread.sleep(400);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        assertThat(other).as("the other writer waits for the host's commit").isNotDone();
      });
    }
    assertThat(other.get(30, TimeUnit.SECONDS).sku()).isEqualTo("TEA");
    assertThat(db.chainHead()).startsWith((size + 2) + ":");
    assertThat(intact()).isTrue();
  }

  @Test
  void aHostRollbackAfterTheEngineSealedItsRevisionLeavesTheChainIntact() {
    List<Long> before = counts();
    String head = db.chainHead();
    try (var tx = host.begin()) {
      session.products().create(product("COLA"));
      assertThatThrownBy(() -> tx.commit(() -> {
        throw new IllegalStateException("the host's own last step failed");
      })).hasMessageContaining("last step failed");
    }
    assertThat(counts()).isEqualTo(before);
    assertThat(db.chainHead()).isEqualTo(head);
    assertThat(published).isEmpty();
    session.products().create(product("TEA"));
    assertThat(intact()).isTrue();
  }
}
