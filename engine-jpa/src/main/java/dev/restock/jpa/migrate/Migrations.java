package dev.restock.jpa.migrate;

import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.backup.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.restock.jpa.bootstrap.HistoryMoveOver;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Versioned schema migrations for operators: what is applied and pending, applying with a backup
 * taken first, and rolling a release back by restoring that backup. The store must not be open on
 * the database while migrations are applied or rolled back.
 */
public final class Migrations {
  /** Note written into the metadata of the backup taken before applying migrations. */
  public static final String BEFORE_MIGRATING = "before migrating";

  private Migrations() {}

  /**
   * One migration as Flyway knows it.
   *
   * @param version its version, e.g. {@code 3}
   * @param description what it does
   * @param state {@code Success}, {@code Pending}, {@code Failed}, {@code Future}, ...
   * @param installedOn when it was applied; null when not applied
   * @param checksum its checksum as recorded (applied) or computed (pending)
   */
  public record Migration(
      String version, String description, String state, Instant installedOn, Integer checksum) {}

  /**
   * Where the database stands.
   *
   * @param current the schema version it is on (null for an empty database)
   * @param latestKnown the newest version this code knows
   * @param pending migrations this code would apply
   * @param applied migrations recorded in the database, oldest first
   */
  public record Status(
      String current, String latestKnown, List<Migration> pending, List<Migration> applied) {
    public Status {
      pending = List.copyOf(pending);
      applied = List.copyOf(applied);
    }
  }

  /** What {@link #apply} did. */
  public record Applied(String from, String to, int migrations, BackupInfo backup) {}

  /**
   * The schema version, pending and applied migrations of the database {@code config} names.
   * A database whose history an older Restock recorded in Flyway's default table has it moved
   * to the engine's own table first (only the history moves: no schema or data changes), as the
   * engine does at start.
   */
  public static Status status(JpaStoreConfig config) {
    Flyway flyway = JpaStore.flyway(config);
    javax.sql.DataSource source = flyway.getConfiguration().getDataSource();
    HistoryMoveOver.run(config, flyway, source, source);
    var info = flyway.info();
    // versioned migrations only: Flyway also records its own schema creation (no version)
    List<Migration> applied = Arrays.stream(info.applied()).filter(m -> m.getVersion() != null)
        .map(Migrations::migration).toList();
    List<Migration> pending = Arrays.stream(info.pending()).map(Migrations::migration).toList();
    String latest = Arrays.stream(info.all()).filter(m -> m.getVersion() != null)
        .filter(m -> !m.getState().name().startsWith("FUTURE"))
        .map(m -> m.getVersion().toString()).reduce((a, b) -> b).orElse(null);
    return new Status(info.current() == null ? null : info.current().getVersion().toString(),
        latest, pending, applied);
  }

  /**
   * Applies pending migrations. Unless {@code skipBackup}, a backup is taken into
   * {@code backupDir} first (noted as {@value #BEFORE_MIGRATING}); if a migration fails, the
   * database is put back as it was (PostgreSQL and SQLite roll the failed migration back
   * themselves; H2 commits DDL, so there the backup is restored) and the failure is thrown.
   *
   * @throws MigrationException when a migration fails; the message names it and says the data is
   *     as before
   */
  public static Applied apply(JpaStoreConfig config, Path backupDir, boolean skipBackup) {
    Status before = status(config);
    if (before.pending().isEmpty()) {
      return new Applied(before.current(), before.current(), 0, null);
    }
    BackupInfo backup = skipBackup ? null : Backups.backup(config, backupDir, Clock.systemUTC(),
        BEFORE_MIGRATING + " from " + before.current() + " to " + before.latestKnown());
    Flyway flyway = JpaStore.flyway(config);
    try {
      var result = flyway.migrate();
      return new Applied(before.current(), result.targetSchemaVersion, result.migrationsExecuted,
          backup);
    } catch (RuntimeException e) {
      String restored = "";
      var dialect = config.database().dialect();
      if (!dialect.transactionalDdl() && backup != null) {
        // the backup this very call just took: no signature is needed to trust it
        Backups.restore(backup.file(), config, RestoreOptions.noKey().withAllowUnsigned(true)
            .withReplace(true));
        restored = "; " + dialect.displayName() + " does not roll DDL back, so the backup "
            + backup.file().getFileName() + " was restored";
      } else if (!dialect.transactionalDdl()) {
        restored = "; " + dialect.displayName()
            + " does not roll DDL back and no backup was taken: check the schema";
      }
      throw new MigrationException(dev.restock.jpa.config.Secrets.mask("migrating " + config.jdbcUrl()
          + " from " + before.current() + " failed: " + dev.restock.jpa.tx.Failures.rootMessage(e)
          + ". The database is as it was (schema " + before.current() + ")" + restored + "."),
          dev.restock.jpa.config.Secrets.scrub(e));
    }
  }

  /**
   * Rolls a release back: restores the newest backup in {@code backupDir} taken before migrating
   * this database, replacing what the database holds now (a SQLite file is kept beside it as
   * {@code FILE.replaced-TIME}).
   *
   * @throws MigrationException when there is no such backup
   */
  public static BackupInfo rollback(JpaStoreConfig config, Path backupDir) {
    Optional<BackupInfo> latest = Backups.list(backupDir).stream()
        .filter(b -> b.database() == config.database())
        .filter(b -> b.note() != null && b.note().startsWith(BEFORE_MIGRATING))
        .findFirst();
    BackupInfo backup = latest.orElseThrow(() -> new MigrationException("no backup taken before "
        + "migrating is in " + backupDir + "; nothing to roll back to"));
    // pre-migration backups are taken without the audit key (apply has none), so they are
    // unsigned; their checksum, row counts and history chain are still checked
    return Backups.restore(backup.file(), config, RestoreOptions.noKey().withAllowUnsigned(true)
        .withReplace(true)).backup();
  }

  private static Migration migration(MigrationInfo m) {
    return new Migration(m.getVersion() == null ? null : m.getVersion().toString(),
        m.getDescription(), m.getState().getDisplayName(),
        m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(), m.getChecksum());
  }


  /** A migration could not be applied or rolled back; the message says what state it left. */
  public static final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
      super(message);
    }

    public MigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }

}
