package dev.restock.jpa.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.core.wiring.RestockEngine;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.backup.BackupException;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.testing.TestSigner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite restores go through a checked temporary file and one atomic rename (issue 13). */
class SqliteRestoreSafetyTest {
  @TempDir Path dir;
  private Path backups;
  private Path targetDir;
  private BackupInfo backup;
  private final TestSigner signer = TestSigner.generate();

  @BeforeEach
  void aBackupOfADatabaseWithOneProduct() throws Exception {
    backups = dir.resolve("backups");
    targetDir = Files.createDirectories(dir.resolve("target"));
    Path source = dir.resolve("source.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(source)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("NEW", "From the backup", "X", BigDecimal.ONE, 1));
      backup = Backups.backup(JpaStoreConfig.of("jdbc:sqlite:" + source, null, null), backups,
          java.time.Clock.systemUTC(), null, signer);
    }
  }

  private static JpaStoreConfig sqlite(Path file) {
    return JpaStoreConfig.of("jdbc:sqlite:" + file, null, null);
  }

  private RestoreOptions trusted() {
    return RestoreOptions.trusting(signer.publicKey());
  }

  private List<String> targetDirFiles() throws Exception {
    try (Stream<Path> files = Files.list(targetDir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aStaleWalBesideAMissingTargetIsRefusedByNameAndNotConsumed() throws Exception {
    // a write-ahead log left behind by another database that once lived under this name
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.execute("pragma journal_mode=wal");
      s.execute("pragma wal_autocheckpoint=0");
      s.execute("create table junk(x)");
      for (int i = 0; i < 200; i++) {
        s.execute("insert into junk values (randomblob(500))");
      }
      Files.copy(dir.resolve("other.db-wal"), targetDir.resolve("restock.db-wal"));
    }
    Path target = targetDir.resolve("restock.db");

    assertThatThrownBy(() -> Backups.restore(backup.file(), sqlite(target), trusted()))
        .isInstanceOf(BackupException.class).hasMessageContaining("restock.db-wal");

    assertThat(target).doesNotExist();
    assertThat(targetDirFiles()).containsExactly("restock.db-wal");
  }

  @Test
  void aFailedRowCountCheckLeavesThePreviousTargetUntouchedAndNoTemporaryFiles()
      throws Exception {
    Path target = targetDir.resolve("restock.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(target)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("OLD", "Already there", "X", BigDecimal.ONE, 1));
    }
    byte[] before = Files.readAllBytes(target);
    List<String> filesBefore = targetDirFiles();
    Path json = backup.file().resolveSibling(backup.file().getFileName() + ".json");
    Files.writeString(json, Files.readString(json)
        .replaceFirst("\"product\" : 1", "\"product\" : 7"));

    // the edited metadata no longer verifies; allowing that lets the row-count check speak
    assertThatThrownBy(() -> Backups.restore(backup.file(), sqlite(target),
        trusted().withAllowUnsigned(true).withReplace(true)))
        .isInstanceOf(BackupException.class).hasMessageContaining("expected");

    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(targetDirFiles()).isEqualTo(filesBefore);
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(target)).build()) {
      assertThat(engine.as(Actor.system()).products().list(PageRequest.of(0, 10),
          Visibility.INCLUDE_DELETED).items()).extracting(Product::sku).containsExactly("OLD");
    }
  }

  @Test
  void aRestoredFileIsComplete() throws Exception {
    Path target = targetDir.resolve("restock.db");

    Backups.restore(backup.file(), sqlite(target), trusted());

    assertThat(targetDirFiles()).containsExactly("restock.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("pragma integrity_check")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("ok");
    }
  }
}
