package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * H2: {@code SCRIPT ... COMPRESSION GZIP} in a serializable (snapshot) transaction; a restore
 * runs the script into a scratch in-memory database first, checks it there, and only then into
 * the target.
 */
final class H2Mechanism implements Mechanism {

  @Override
  public Snapshot backup(JpaStoreConfig config, Path temp) throws SQLException {
    try (Connection c = BackupSql.connect(config)) {
      c.setAutoCommit(false);
      // H2's REPEATABLE READ takes a snapshot per table at its first read, so SCRIPT would mix
      // moments (seen on a chain-head row ahead of its revisions); SERIALIZABLE gives SCRIPT one
      // snapshot of the whole database
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      try (Statement s = c.createStatement()) {
        // SCRIPT takes no bind parameter for its file; the path is ours, quoted as a literal
        s.execute("SCRIPT TO '" + literal(temp) + "' COMPRESSION GZIP");
      }
      c.commit();
    }
    // the counts are taken from the script itself, restored into a scratch database
    JpaStoreConfig scratch = scratch();
    try (Connection c = BackupSql.connect(scratch); Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM '" + literal(temp) + "' COMPRESSION GZIP");
      Snapshot snapshot = new Snapshot(JpaStore.schemaVersion(c), BackupSql.counts(c, null));
      s.execute("SHUTDOWN");
      return snapshot;
    }
  }

  @Override
  public Optional<ChainVerification> restore(Path file, JpaStoreConfig target, BackupInfo info,
      boolean replace, CarriedErasures erasures, List<String> warnings)
      throws SQLException, IOException {
    try (Connection c = BackupSql.connect(target)) {
      if (!replace && !BackupSql.counts(c, null).isEmpty()) {
        throw new BackupException("restore target " + BackupSql.description(target)
            + " already holds tables; restore into an empty database");
      }
    }
    JpaStoreConfig scratch = scratch();
    BackupSql.Staged staged;
    // with erasures carried, the target is filled from the staged copy they were applied to
    Path script = erasures.isEmpty() ? file
        : Files.createTempFile("restock-restore-", ".sql.gz");
    try {
      try {
        try (Connection c = BackupSql.connect(scratch); Statement s = c.createStatement()) {
          s.execute("RUNSCRIPT FROM '" + literal(file) + "' COMPRESSION GZIP");
        }
        staged = BackupSql.checkAndCarry(scratch, target, info, erasures, warnings);
        if (!erasures.isEmpty()) {
          try (Connection c = BackupSql.connect(scratch); Statement s = c.createStatement()) {
            Files.delete(script);
            s.execute("SCRIPT TO '" + literal(script) + "' COMPRESSION GZIP");
          }
        }
      } finally {
        try (Connection c = BackupSql.connect(scratch); Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
      }
      try (Connection c = BackupSql.connect(target); Statement s = c.createStatement()) {
        if (replace) {
          s.execute("DROP ALL OBJECTS");
        }
        s.execute("RUNSCRIPT FROM '" + literal(script) + "' COMPRESSION GZIP");
        Map<String, Long> counts = BackupSql.counts(c, null);
        if (!counts.equals(staged.counts())) {
          throw new BackupException("restored " + BackupSql.description(target)
              + " does not hold what the checked copy held: expected " + staged.counts()
              + ", found " + counts);
        }
      }
    } finally {
      if (script != file) {
        Files.deleteIfExists(script);
      }
    }
    return staged.chain();
  }

  private static JpaStoreConfig scratch() {
    return JpaStoreConfig.of("jdbc:h2:mem:restock-restore-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  private static String literal(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }
}
