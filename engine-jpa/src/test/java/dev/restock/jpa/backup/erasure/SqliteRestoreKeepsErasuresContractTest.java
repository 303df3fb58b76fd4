package dev.restock.jpa.backup.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteRestoreKeepsErasuresContractTest extends RestoreKeepsErasuresContractTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.SQLITE;
  }

  /**
   * The restore applies carried erasures on a connection of its own, without the store's
   * {@code secure_delete}: a key that were only deleted would stay in the file's free pages.
   */
  @Test
  void aCarriedErasureLeavesNoWrappedKeyTextInTheRestoredFile() throws Exception {
    List<String> wrapped = new ArrayList<>();
    try (Connection c = source.connect(); PreparedStatement p = c.prepareStatement(
        "select wrapped from subject_key where subject = ?")) {
      p.setString(1, "user:" + ann.id());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          wrapped.add(r.getString(1));
        }
      }
    }
    assertThat(wrapped).isNotEmpty();
    BackupInfo before = Backups.backup(config, dir.resolve("b"), Clock.systemUTC(), null, signer);
    erase(config, ann.id());

    Backups.restore(before.file(), config, trusted().withReplace(true));

    byte[] rest = atRest(Path.of(config.jdbcUrl().substring("jdbc:sqlite:".length())));
    for (String key : wrapped) {
      assertThat(new String(rest, StandardCharsets.ISO_8859_1).contains(key))
          .as("the erased user's wrapped key in the restored file's bytes").isFalse();
    }
  }

  private static byte[] atRest(Path file) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Path p = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(p)) {
        all.write(Files.readAllBytes(p));
      }
    }
    return all.toByteArray();
  }
}
