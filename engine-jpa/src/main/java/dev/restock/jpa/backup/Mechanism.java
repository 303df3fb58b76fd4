package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.dialect.StoreDialect;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How one database is backed up and restored; one implementation per database. */
interface Mechanism {

  /** What a snapshot held. */
  record Snapshot(String schemaVersion, Map<String, Long> counts) {}

  /**
   * Writes one consistent snapshot of {@code config}'s database into {@code temp} (a temporary
   * name in the backup folder; the caller renames it when the metadata is written too).
   */
  Snapshot backup(JpaStoreConfig config, Path temp) throws SQLException, IOException;

  /**
   * Restores {@code file} (checksum and signature already checked) into {@code target}: first
   * into a staging place, where {@link BackupSql#check} must pass, and only then into the
   * target. {@code erasures} are applied to the staged copy after those checks and before it is
   * installed ({@link BackupSql#checkAndCarry}), so the target never holds the restored data
   * without them. A failure before that last step leaves the target exactly as it was and
   * removes the staging place.
   */
  Optional<ChainVerification> restore(Path file, JpaStoreConfig target, BackupInfo info,
      boolean replace, CarriedErasures erasures, List<String> warnings) throws SQLException, IOException;

  /** The mechanism of {@code dialect}'s backup format. */
  static Mechanism of(StoreDialect dialect) {
    return switch (dialect.backupFormat()) {
      case SQLITE_FILE -> new SqliteMechanism();
      case SQL_SCRIPT -> new H2Mechanism();
      case PG_DUMP -> new PostgresMechanism();
    };
  }
}
