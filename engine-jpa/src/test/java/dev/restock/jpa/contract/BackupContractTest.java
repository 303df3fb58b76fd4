package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.catalog.UpdateProduct;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.reads.StoredRead;
import dev.restock.api.spi.Store;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.backup.BackupException;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.backup.RestoreResult;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.testing.TestSigner;
import dev.restock.plugin.tck.StoreFixture;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups taken with each database's own mechanism, restored into a fresh database. */
abstract class BackupContractTest {
  @TempDir Path dir;
  private final TestSigner signer = TestSigner.generate();
  private FreshDatabase source;
  private Restock engine;
  private RestockSession session;

  protected abstract TestDatabase database();

  @BeforeEach
  void open() {
    source = database().fresh();
    engine = RestockEngine.builder().store(source.factory()).build();
    session = engine.as(Actor.system());
  }

  @AfterEach
  void close() {
    engine.close();
    source.close();
  }

  @Test
  void aRestoredBackupHasTheSameRowsAndHistoryAndTheEngineStartsOnIt() throws Exception {
    Product cola = session.products().create(
        new CreateProduct("COLA", "Cola", "Drinks", new BigDecimal("1.00"), 24));
    session.products().update(cola.id(), new UpdateProduct(null, null, null,
        new BigDecimal("1.20"), null, null));
    session.products().create(new CreateProduct("TEA", "Tea", "Drinks", BigDecimal.ONE, 6));
    session.products().delete(cola.id());

    BackupInfo info = Backups.backup(source.config(), dir, Clock.systemUTC(), null, signer);

    assertThat(info.file()).exists();
    assertThat(Files.exists(dir.resolve(info.file().getFileName() + ".json"))).isTrue();
    assertThat(info.schemaVersion()).isEqualTo("8");
    assertThat(info.rowCounts()).containsEntry("product", 2L).containsKey("audit_revision");
    assertThat(info.sha256()).hasSize(64);
    assertThat(Backups.list(dir)).extracting(BackupInfo::sha256).containsExactly(info.sha256());

    try (FreshDatabase target = database().restoreTarget(source)) {
      RestoreResult result = Backups.restore(info.file(), target.config(), trusted());
      assertThat(result.signatureVerified()).isTrue();
      assertThat(result.warnings()).isEmpty();
      assertThat(result.chain()).hasValueSatisfying(chain -> {
        assertThat(chain.intact()).isTrue();
        assertThat(chain.checked()).isEqualTo(info.rowCounts().get("audit_revision"));
      });
      try (Restock restored = RestockEngine.builder().store(target.factory()).build()) {
        RestockSession r = restored.as(Actor.system());
        assertThat(r.products().list(PageRequest.of(0, 10), Visibility.INCLUDE_DELETED).items())
            .extracting(Product::sku).containsExactly("COLA", "TEA");
        assertThat(r.history().history(AuditedType.PRODUCT, cola.id()))
            .isEqualTo(session.history().history(AuditedType.PRODUCT, cola.id()));
        assertThat(r.history().verify().intact()).isTrue();
        assertThat(restored.health().schemaVersion()).isEqualTo("8");
      }
    }
  }

  @Test
  void machineReadsAreInTheBackupAndComeBackWithTheRestore() throws Exception {
    StoredRead read;
    try (Store store = source.factory().open()) {
      StoreFixture fixture = new StoreFixture(store);
      UUID device = fixture.device(fixture.reference("R1"), "Alpha", 1, 5).device().id();
      Instant at = Instant.parse("2026-03-02T10:15:30.123Z");
      read = new StoredRead(UUID.randomUUID(), device, "SN-1", "ab".repeat(32), "route.dex", at,
          List.of(new SelectionCounter("A1", new BigDecimal("1.50"), 12, new BigDecimal("18.00"),
              4), new SelectionCounter("A2", null, 3, null, 5)),
          new CashCounters(new BigDecimal("18.00"), 12L, null, null, null, null, null, null,
              null),
          true, 0, new BigDecimal("0.00"), null, null, at, Actor.SYSTEM_ID);
      fixture.write(() -> {
        store.machineReads().append(read);
        return null;
      });
    }

    BackupInfo info = Backups.backup(source.config(), dir, Clock.systemUTC(), null, signer);

    assertThat(info.rowCounts()).containsEntry("machine_read", 1L)
        .containsEntry("machine_read_selection", 2L);
    try (FreshDatabase target = database().restoreTarget(source)) {
      Backups.restore(info.file(), target.config(), trusted());
      try (Store restored = target.factory().open()) {
        assertThat(restored.transactions().read(() -> restored.machineReads().between(null,
            Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))).containsExactly(read);
        assertThat(restored.transactions().read(() -> restored.machineReads()
            .containsHash(read.contentHash()))).isTrue();
      }
    }
  }

  @Test
  void aBackupTakenWhileAnotherThreadWritesIsConsistent() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger written = new AtomicInteger();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        int n = written.incrementAndGet();
        session.products().create(new CreateProduct("W" + n, "P", "X", BigDecimal.ONE, 1));
      }
    }, "backup-test-writer");
    writer.start();
    while (written.get() < 20) {
      Thread.sleep(10);
    }
    BackupInfo info = Backups.backup(source.config(), dir, Clock.systemUTC(), null, signer);
    stop.set(true);
    writer.join(30_000);

    long products = info.rowCounts().get("product");
    assertThat(products).isPositive();
    try (FreshDatabase target = database().restoreTarget(source)) {
      Backups.restore(info.file(), target.config(), trusted());
      try (Restock restored = RestockEngine.builder().store(target.factory()).build()) {
        ChainVerification chain = restored.as(Actor.system()).history().verify();
        assertThat(chain.intact()).as("%s", chain.problem()).isTrue();
      }
      // every product in the copy has its revision and its audit event: nothing half-written
      try (Connection c = target.connect(); Statement s = c.createStatement()) {
        assertThat(count(s, "select count(*) from product")).isEqualTo(products);
        assertThat(count(s, "select count(*) from product_aud")).isEqualTo(products);
        assertThat(count(s, "select count(*) from audit_log where action = 'product.create'"))
            .isEqualTo(products);
      }
    }
  }

  @Test
  void aDamagedBackupIsRefusedAndTheTargetLeftAlone() throws Exception {
    session.products().create(new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 1));
    BackupInfo info = Backups.backup(source.config(), dir, Clock.systemUTC(), null, signer);
    byte[] bytes = Files.readAllBytes(info.file());
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(info.file(), bytes);

    try (FreshDatabase target = database().restoreTarget(source)) {
      assertThatThrownBy(() -> Backups.restore(info.file(), target.config(), trusted()))
          .isInstanceOf(BackupException.class).hasMessageContaining("damaged");
      // nothing was written into the target: it opens as a new, empty database
      try (Restock fresh = RestockEngine.builder().store(target.factory()).build()) {
        assertThat(fresh.as(Actor.system()).products().list(PageRequest.of(0, 10),
            Visibility.INCLUDE_DELETED).total()).isZero();
      }
    }
  }

  @Test
  void restoringOverADatabaseThatHoldsTablesIsRefused() {
    BackupInfo info = Backups.backup(source.config(), dir, Clock.systemUTC(), null, signer);
    session.products().create(new CreateProduct("AFTER", "After", "X", BigDecimal.ONE, 1));
    assertThatThrownBy(() -> Backups.restore(info.file(), source.config(), trusted()))
        .isInstanceOf(BackupException.class).hasMessageContaining("already");
    // the database is as it was: the product written after the backup is still there
    assertThat(session.products().getBySku("AFTER")).isNotNull();
    assertThat(session.history().verify().intact()).isTrue();
  }

  @Test
  void pruningKeepsRecentBackupsAndAlwaysTheNewest() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    BackupInfo old = Backups.backup(source.config(), dir,
        Clock.fixed(now.minus(Duration.ofDays(10)), ZoneOffset.UTC), null, signer);
    BackupInfo recent = Backups.backup(source.config(), dir,
        Clock.fixed(now.minus(Duration.ofDays(1)), ZoneOffset.UTC), null, signer);

    assertThat(Backups.list(dir)).extracting(BackupInfo::takenAt)
        .containsExactly(recent.takenAt(), old.takenAt());
    List<BackupInfo> deleted = Backups.prune(dir, 7, now).deleted();

    assertThat(deleted).extracting(BackupInfo::file).containsExactly(old.file());
    assertThat(old.file()).doesNotExist();
    assertThat(Backups.list(dir)).extracting(BackupInfo::file).containsExactly(recent.file());
    assertThat(Backups.prune(dir, 0, now.plus(Duration.ofDays(30))).deleted()).isEmpty();
  }

  private RestoreOptions trusted() {
    return RestoreOptions.trusting(signer.publicKey());
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
