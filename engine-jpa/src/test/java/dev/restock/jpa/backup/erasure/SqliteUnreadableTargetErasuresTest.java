package dev.restock.jpa.backup.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.backup.BackupException;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.crypto.KeyFileKeyProvider;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replace restore whose target cannot be read for its erasures is refused, so erasures are
 * never dropped silently; the target is left as it was.
 */
class SqliteUnreadableTargetErasuresTest {
  @TempDir Path dir;

  @Test
  void aTargetThatCannotBeReadForItsErasuresIsRefusedAndLeftAlone() throws Exception {
    TestSigner signer = TestSigner.generate();
    KeyFileKeyProvider keys = KeyFileKeyProvider.create(dir.resolve("restock.keys"));
    JpaStoreConfig source = JpaStoreConfig.of("jdbc:sqlite:" + dir.resolve("source.db"), null,
        null).withKeys(keys);
    JpaStores.of(source).open().close();
    BackupInfo backup = Backups.backup(source, dir.resolve("b"), Clock.systemUTC(), null,
        signer);
    Path target = dir.resolve("target.db");
    byte[] garbage = "not a database, but someone's file".repeat(200)
        .getBytes(StandardCharsets.UTF_8);
    Files.write(target, garbage);
    JpaStoreConfig targetConfig = JpaStoreConfig.of("jdbc:sqlite:" + target, null, null)
        .withKeys(keys);

    assertThatThrownBy(() -> Backups.restore(backup.file(), targetConfig,
        RestoreOptions.trusting(signer.publicKey()).withReplace(true)))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("erasures of the database being replaced")
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("ignoringTargetErasures")
        .hasMessageContaining("nothing was restored");
    assertThat(Files.readAllBytes(target)).isEqualTo(garbage);
  }
}
