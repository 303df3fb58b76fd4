package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.backup.BackupException;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.BackupListing;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.PruneResult;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.backup.RestoreResult;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.testing.TestSigner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups and restores that cannot destroy data (issue 13): listing and pruning stay inside the
 * backup folder, tampered backups are refused, and killed backups leave nothing behind for ever.
 */
abstract class BackupSafetyContractTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @TempDir Path dir;
  @TempDir Path outside;
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
    session.products().create(new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
  }

  @AfterEach
  void close() {
    engine.close();
    source.close();
  }

  private BackupInfo backupAt(Instant at) {
    return Backups.backup(source.config(), dir, Clock.fixed(at, ZoneOffset.UTC), null, signer);
  }

  @Test
  void listAndPruneNeverTouchFilesOutsideTheBackupFolder() throws Exception {
    BackupInfo old = backupAt(NOW.minus(Duration.ofDays(30)));
    BackupInfo recent = backupAt(NOW.minus(Duration.ofDays(1)));
    Path relativeVictim = dir.getParent().resolve("victim-" + dir.getFileName() + ".txt");
    Files.writeString(relativeVictim, "precious");
    Path absoluteVictim = outside.resolve("victim.txt");
    Files.writeString(absoluteVictim, "precious too");
    String kind = source.config().database().name().toLowerCase(java.util.Locale.ROOT);
    // metadata that names files outside the folder, under names that look like backups
    Files.writeString(dir.resolve("restock-" + kind + "-20200101-000000-000.db.gz.json"),
        metadata("../" + relativeVictim.getFileName(), kind));
    Files.writeString(dir.resolve("restock-" + kind + "-20200101-000000-001.db.gz.json"),
        metadata(absoluteVictim.toString(), kind));

    BackupListing listing = Backups.scan(dir);
    assertThat(listing.backups()).extracting(BackupInfo::file)
        .containsExactly(recent.file(), old.file());
    assertThat(listing.skipped()).hasSize(2).allSatisfy(reason ->
        assertThat(reason).contains("may only describe"));
    PruneResult pruned = Backups.prune(dir, 7, NOW);
    assertThat(pruned.deleted()).extracting(BackupInfo::file).containsExactly(old.file());
    assertThat(pruned.skipped()).hasSize(2);

    assertThat(relativeVictim).hasContent("precious");
    assertThat(absoluteVictim).hasContent("precious too");
    assertThat(old.file()).doesNotExist();
    assertThat(recent.file()).exists();
    Files.delete(relativeVictim);
  }

  @Test
  void garbageMetadataIsSkippedAndDoesNotStopListOrPrune() throws Exception {
    BackupInfo old = backupAt(NOW.minus(Duration.ofDays(30)));
    BackupInfo recent = backupAt(NOW.minus(Duration.ofDays(1)));
    String kind = source.config().database().name().toLowerCase(java.util.Locale.ROOT);
    Files.writeString(dir.resolve("restock-" + kind + "-20200101-000000-002.sql.gz.json"),
        "{ this is not json");

    assertThat(Backups.list(dir)).extracting(BackupInfo::file)
        .containsExactly(recent.file(), old.file());
    assertThat(Backups.scan(dir).skipped()).singleElement().asString()
        .contains("restock-" + kind + "-20200101-000000-002.sql.gz.json");
    PruneResult pruned = Backups.prune(dir, 7, NOW);

    assertThat(pruned.deleted()).extracting(BackupInfo::file).containsExactly(old.file());
    assertThat(dir.resolve("restock-" + kind + "-20200101-000000-002.sql.gz.json")).exists();
    assertThat(old.file()).doesNotExist();
    assertThat(recent.file()).exists();
  }

  private static String metadata(String file, String kind) {
    return "{\"file\":\"" + file.replace("\\", "\\\\") + "\",\"takenAt\":\"2020-01-01T00:00:00Z\","
        + "\"database\":\"" + kind.toUpperCase(java.util.Locale.ROOT) + "\",\"source\":\"x\","
        + "\"schemaVersion\":\"3\",\"rowCounts\":{},\"sha256\":\"00\",\"bytes\":1}";
  }

  @Test
  void aBackupWhoseContentWasReplacedWithItsChecksumUpdatedIsRefused() throws Exception {
    BackupInfo genuine = backupAt(NOW.minus(Duration.ofHours(2)));
    session.products().create(new CreateProduct("EVIL", "Evil", "X", BigDecimal.ONE, 1));
    BackupInfo forged = backupAt(NOW.minus(Duration.ofHours(1)));
    // the attacker's content under the genuine name, the sidecar's checksum and counts updated
    Files.copy(forged.file(), genuine.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path json = genuine.file().resolveSibling(genuine.file().getFileName() + ".json");
    String text = Files.readString(json).replace(genuine.sha256(), forged.sha256())
        .replaceFirst("\"bytes\" : \\d+", "\"bytes\" : " + forged.bytes())
        .replaceFirst("\"product\" : 1", "\"product\" : 2");
    Files.writeString(json, text);

    try (FreshDatabase target = database().restoreTarget(source)) {
      assertThatThrownBy(() -> Backups.restore(genuine.file(), target.config(), trusted()))
          .isInstanceOf(BackupException.class).hasMessageContaining("signature")
          .hasMessageContaining("does not verify");
      try (Restock fresh = RestockEngine.builder().store(target.factory()).build()) {
        assertThat(fresh.as(Actor.system()).products().list(PageRequest.of(0, 10),
            Visibility.INCLUDE_DELETED).total()).isZero();
      }
    }
  }

  @Test
  void pruneRemovesOrphansOfKilledBackupsOlderThanTheRetentionOnly() throws Exception {
    BackupInfo kept = backupAt(NOW.minus(Duration.ofDays(1)));
    String kind = source.config().database().name().toLowerCase(java.util.Locale.ROOT);
    Path oldData = dir.resolve("restock-" + kind + "-20261101-000000-000.db.gz");
    Path oldTemp = dir.resolve("restock-" + kind + "-20261101-000000-001.db.gz.tmp");
    Path youngTemp = dir.resolve("restock-" + kind + "-20261127-115900-000.pgdump.tmp");
    Path unrelated = dir.resolve("notes.txt");
    for (Path p : new Path[] {oldData, oldTemp, youngTemp, unrelated}) {
      Files.writeString(p, "partial");
    }
    FileTime longAgo = FileTime.from(NOW.minus(Duration.ofDays(20)));
    Files.setLastModifiedTime(oldData, longAgo);
    Files.setLastModifiedTime(oldTemp, longAgo);
    Files.setLastModifiedTime(unrelated, longAgo);
    Files.setLastModifiedTime(youngTemp, FileTime.from(NOW.minus(Duration.ofMinutes(1))));

    assertThat(Backups.scan(dir).orphans())
        .containsExactlyInAnyOrder(oldData, oldTemp, youngTemp);
    PruneResult pruned = Backups.prune(dir, 7, NOW);

    assertThat(pruned.orphansDeleted()).containsExactlyInAnyOrder(oldData, oldTemp);
    assertThat(pruned.deleted()).isEmpty();
    assertThat(oldData).doesNotExist();
    assertThat(oldTemp).doesNotExist();
    assertThat(youngTemp).exists();
    assertThat(unrelated).exists();
    assertThat(kept.file()).exists();
  }

  @Test
  void anUnsignedBackupIsRefusedUnlessExplicitlyAllowedAndThenTheResultSaysSo()
      throws Exception {
    BackupInfo unsigned = Backups.backup(source.config(), dir);
    assertThat(unsigned.signed()).isFalse();

    try (FreshDatabase target = database().restoreTarget(source)) {
      assertThatThrownBy(() -> Backups.restore(unsigned.file(), target.config(), trusted()))
          .isInstanceOf(BackupException.class).hasMessageContaining("unsigned")
          .hasMessageContaining("--allow-unsigned");
      assertThat(tables(target)).isZero();

      RestoreResult result = Backups.restore(unsigned.file(), target.config(),
          trusted().withAllowUnsigned(true));

      assertThat(result.signatureVerified()).isFalse();
      assertThat(result.warnings()).singleElement().asString().contains("unsigned")
          .contains("restored anyway");
      assertThat(result.chain()).hasValueSatisfying(c -> assertThat(c.intact()).isTrue());
      assertThat(target.count("product")).isEqualTo(1);
    }
  }

  @Test
  void aSignedBackupIsRefusedWithAnotherKeyOrWithoutAnyKey() throws Exception {
    BackupInfo signed = backupAt(NOW);
    assertThat(signed.signed()).isTrue();
    assertThat(signed.keyId()).isEqualTo(signer.keyId());

    try (FreshDatabase target = database().restoreTarget(source)) {
      assertThatThrownBy(() -> Backups.restore(signed.file(), target.config(),
          RestoreOptions.trusting(TestSigner.generate().publicKey())))
          .isInstanceOf(BackupException.class).hasMessageContaining("does not verify");
      assertThatThrownBy(() -> Backups.restore(signed.file(), target.config()))
          .isInstanceOf(BackupException.class).hasMessageContaining("no public key");
      assertThat(tables(target)).isZero();

      RestoreResult result = Backups.restore(signed.file(), target.config(), trusted());
      assertThat(result.signatureVerified()).isTrue();
      assertThat(result.warnings()).isEmpty();
    }
  }

  @Test
  void editingAnySignedFieldOfTheMetadataBreaksTheSignature() throws Exception {
    BackupInfo signed = backupAt(NOW);
    Path json = signed.file().resolveSibling(signed.file().getFileName() + ".json");
    Files.writeString(json, Files.readString(json).replace("\"note\" : null",
        "\"note\" : \"harmless\""));

    try (FreshDatabase target = database().restoreTarget(source)) {
      assertThatThrownBy(() -> Backups.restore(signed.file(), target.config(), trusted()))
          .isInstanceOf(BackupException.class).hasMessageContaining("does not verify");
      assertThat(tables(target)).isZero();
    }
  }

  private RestoreOptions trusted() {
    return RestoreOptions.trusting(signer.publicKey());
  }

  /** Tables in the target (in its schema on PostgreSQL): zero means nothing was restored. */
  private static long tables(FreshDatabase target) throws Exception {
    try (java.sql.Connection c = target.connect();
        java.sql.ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%",
            new String[] {"TABLE"})) {
      long n = 0;
      while (r.next()) {
        if (!"INFORMATION_SCHEMA".equalsIgnoreCase(r.getString("TABLE_SCHEM"))) {
          n++;
        }
      }
      return n;
    }
  }
}
