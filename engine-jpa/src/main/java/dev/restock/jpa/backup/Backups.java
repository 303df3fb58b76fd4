package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.api.spi.CheckpointSigner;
import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Consistent backups of a store's database, their listing and pruning, and restore, using each
 * database's own mechanism (SQLite's online backup API, H2's {@code SCRIPT}, PostgreSQL's
 * {@code pg_dump}; see {@link SqliteMechanism}, {@link H2Mechanism}, {@link PostgresMechanism}).
 *
 * <p>Each backup gets a {@code FILE.json} with time, schema version, row counts per table and the
 * file's SHA-256, signed with the audit key ({@link CheckpointSigner}, Ed25519) when one is
 * given. A backup is written under temporary names and renamed when complete, so a killed
 * backup leaves only leftovers that {@link #prune} removes once they are older than the
 * retention.
 *
 * <p>A restore checks the checksum and the signature first, then restores into a staging place
 * (SQLite: a temporary file beside the target; H2: a scratch in-memory database; PostgreSQL: a
 * scratch database), checks the row counts, the integrity and the history chain there, and only
 * then replaces or fills the target. Unsigned or unverifiable metadata is refused unless
 * {@link RestoreOptions#allowUnsigned()}, and the result then says what was not proven.
 *
 * <p>List and prune only ever touch files in the folder that are named like backups; metadata
 * that names another file, or cannot be read, is reported and left alone.
 */
public final class Backups {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private Backups() {}

  /**
   * Takes an unsigned backup of the database {@code config} points at into {@code dir} (created
   * if missing). The store may be open and in use meanwhile.
   *
   * @throws BackupException when the backup cannot be taken; no file is left under a backup's
   *     final name
   */
  public static BackupInfo backup(JpaStoreConfig config, Path dir) {
    return backup(config, dir, Clock.systemUTC(), null, null);
  }

  /** Like {@link #backup(JpaStoreConfig, Path)}, stamped with {@code clock}'s time. */
  public static BackupInfo backup(JpaStoreConfig config, Path dir, Clock clock) {
    return backup(config, dir, clock, null, null);
  }

  /** An unsigned backup with a note saying why it was taken (kept in its metadata). */
  public static BackupInfo backup(JpaStoreConfig config, Path dir, Clock clock, String note) {
    return backup(config, dir, clock, note, null);
  }

  /**
   * A backup whose metadata is signed by {@code signer} (null: unsigned), so that a restore can
   * prove the file is the one taken here.
   *
   * @param note why it was taken, or null
   * @throws BackupException when the backup cannot be taken
   */
  public static BackupInfo backup(JpaStoreConfig config, Path dir, Clock clock, String note,
      CheckpointSigner signer) {
    Path temp = null;
    Path tempJson = null;
    try {
      Files.createDirectories(dir);
      Instant at = clock.instant();
      String name = "restock-" + config.database().dialect().id() + "-"
          + STAMP.format(at) + BackupMetadata.extension(config.database());
      Path file = dir.resolve(name);
      Path json = BackupMetadata.of(file);
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          || Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
        throw new BackupException("a backup named " + name + " already exists in " + dir);
      }
      temp = dir.resolve(name + ".tmp");
      tempJson = dir.resolve(json.getFileName() + ".tmp");
      // a database an older Restock left records its history in Flyway's default table: the
      // backup holds it in the engine's own table, where a restore and the engine look for it
      var flyway = dev.restock.jpa.JpaStore.flyway(config);
      dev.restock.jpa.bootstrap.HistoryMoveOver.run(config, flyway,
          flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getDataSource());
      Mechanism.Snapshot snapshot = Mechanism.of(config.database().dialect()).backup(config, temp);
      BackupInfo info = BackupMetadata.sign(new BackupInfo(file, at, config.database(),
          BackupSql.description(config), snapshot.schemaVersion(), snapshot.counts(),
          sha256(temp), Files.size(temp), note, null, null), signer);
      BackupMetadata.write(info, tempJson);
      // data first, metadata last: a metadata file always has its complete data beside it
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tempJson, json, StandardCopyOption.ATOMIC_MOVE);
      return info;
    } catch (IOException e) {
      throw new BackupException("cannot write the backup into " + dir + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new BackupException("backup of " + BackupSql.description(config) + " failed: "
          + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
      deleteQuietly(tempJson);
    }
  }

  /**
   * Restores {@code file} into the empty database {@code target} points at, trusting no key:
   * only {@link #restore(Path, JpaStoreConfig, RestoreOptions)} with a key (or with unsigned
   * backups allowed) can succeed. Kept for callers that must fail closed.
   */
  public static RestoreResult restore(Path file, JpaStoreConfig target) {
    return restore(file, target, RestoreOptions.noKey());
  }

  /**
   * Restores {@code file} (with its {@code FILE.json}) into {@code target}, after checking its
   * checksum and signature, and, in a staging place, its row counts, integrity and history
   * chain. Nothing is written to the target until every check passed.
   *
   * <p>Erased people stay erased (issue 20, docs/personal-data.md): with {@code replace} the
   * erasures recorded in the database being replaced ({@code erased_subject}) are read first,
   * and, with those of {@link RestoreOptions#withErasedSubjects}, applied to the staged copy
   * before it is installed: their data keys deleted, their erasure recorded, their e-mail
   * equality index cleared. The result counts them and names erased users active in the backup.
   *
   * @throws BackupException when the checksum does not match; the metadata is unsigned, cannot
   *     be checked or does not verify (unless {@code options.allowUnsigned()}); the target is
   *     not empty (unless {@code options.replace()}) or of another database; stale SQLite
   *     sidecar files lie beside the target; a check on the staged copy fails; the target to
   *     replace cannot be read for its erasures (unless {@code
   *     options.ignoringTargetErasures()}); or the backup predates encrypted personal data while
   *     there are erasures to carry
   */
  public static RestoreResult restore(Path file, JpaStoreConfig target, RestoreOptions options) {
    BackupInfo info = BackupMetadata.read(BackupMetadata.of(file));
    if (info.database() != target.database()) {
      throw new BackupException("backup " + file.getFileName() + " is of " + info.database()
          + "; it cannot be restored into " + target.database());
    }
    String actual = sha256(file);
    if (!actual.equals(info.sha256())) {
      throw new BackupException("backup " + file.getFileName() + " is damaged: its SHA-256 is "
          + actual + ", the backup recorded " + info.sha256());
    }
    List<String> warnings = new ArrayList<>();
    boolean verified = checkSignature(info, options, warnings);
    CarriedErasures erasures = CarriedErasures.of(target, options, Instant.now(), warnings);
    try {
      Optional<ChainVerification> chain = Mechanism.of(target.database().dialect())
          .restore(file, target, info, options.replace(), erasures, warnings);
      return new RestoreResult(info, verified, chain, warnings, erasures.carried(),
          erasures.activeUsers());
    } catch (IOException e) {
      throw new BackupException("cannot restore " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new BackupException("restore into " + BackupSql.description(target) + " failed: "
          + e.getMessage(), e);
    }
  }

  private static boolean checkSignature(BackupInfo info, RestoreOptions options,
      List<String> warnings) {
    String name = info.file().getFileName().toString();
    String problem;
    if (!info.signed()) {
      problem = "backup " + name + " is unsigned: nothing proves its content is the one taken";
    } else if (options.trustedKey() == null) {
      problem = "backup " + name + " is signed by key " + info.keyId() + ", but no public key "
          + "was given to check it";
    } else if (!BackupMetadata.verifies(info, options.trustedKey())) {
      problem = "the signature of backup " + name + " (key " + info.keyId() + ") does not "
          + "verify with the given key: the backup or its metadata was altered, or another key "
          + "signed it";
    } else {
      return true;
    }
    if (!options.allowUnsigned()) {
      throw new BackupException(problem + ". Give the audit key (--audit-key FILE or "
          + "RESTOCK_AUDIT_KEY), or restore it anyway with --allow-unsigned");
    }
    warnings.add(problem + "; restored anyway because unsigned backups were allowed");
    return false;
  }

  /** Backups in {@code dir}, newest first; empty when there is none. See {@link #scan}. */
  public static List<BackupInfo> list(Path dir) {
    return scan(dir).backups();
  }

  /**
   * What {@code dir} holds: readable backups (newest first), metadata files that were skipped
   * and why, and leftovers of killed backups. Only files named like backups are considered.
   */
  public static BackupListing scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new BackupListing(List.of(), List.of(), List.of());
    }
    List<BackupInfo> backups = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Path> orphans = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path path : files) {
        String name = path.getFileName().toString();
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (name.endsWith(".json") && BackupMetadata.isData(name.substring(0,
            name.length() - 5))) {
          try {
            BackupInfo info = BackupMetadata.read(path);
            if (!Files.isRegularFile(info.file(), LinkOption.NOFOLLOW_LINKS)) {
              throw new BackupException("backup metadata " + path + " has no data file "
                  + info.file().getFileName() + " beside it");
            }
            backups.add(info);
          } catch (BackupException e) {
            skipped.add(e.getMessage());
          }
        } else if (BackupMetadata.TEMPORARY.matcher(name).matches()
            || (BackupMetadata.isData(name) && !Files.exists(BackupMetadata.of(path),
                LinkOption.NOFOLLOW_LINKS))) {
          orphans.add(path);
        }
      }
    } catch (IOException e) {
      throw new BackupException("cannot list backups in " + dir + ": " + e.getMessage(), e);
    }
    backups.sort(Comparator.comparing(BackupInfo::takenAt).reversed());
    orphans.sort(Comparator.naturalOrder());
    skipped.sort(Comparator.naturalOrder());
    return new BackupListing(backups, skipped, orphans);
  }

  /**
   * Deletes backups (data file and metadata) taken more than {@code keepDays} days before
   * {@code now}, the newest backup always kept, and leftovers of killed backups last modified
   * before that too. Only files inside {@code dir} named like backups are deleted.
   */
  public static PruneResult prune(Path dir, int keepDays, Instant now) {
    if (keepDays < 0) {
      throw new IllegalArgumentException("keepDays must not be negative, was " + keepDays);
    }
    BackupListing listing = scan(dir);
    Instant cutoff = now.minus(Duration.ofDays(keepDays));
    List<BackupInfo> deleted = new ArrayList<>();
    List<Path> orphansDeleted = new ArrayList<>();
    try {
      for (int i = 1; i < listing.backups().size(); i++) {
        BackupInfo info = listing.backups().get(i);
        if (info.takenAt().isBefore(cutoff)) {
          // names re-derived from the validated metadata name: always inside dir
          Path data = dir.resolve(info.file().getFileName().toString());
          Files.deleteIfExists(BackupMetadata.of(data));
          Files.deleteIfExists(data);
          deleted.add(info);
        }
      }
      for (Path orphan : listing.orphans()) {
        if (Files.getLastModifiedTime(orphan, LinkOption.NOFOLLOW_LINKS).toInstant()
            .isBefore(cutoff)) {
          Files.deleteIfExists(dir.resolve(orphan.getFileName().toString()));
          orphansDeleted.add(orphan);
        }
      }
    } catch (IOException e) {
      throw new BackupException("cannot prune " + dir + ": " + e.getMessage(), e);
    }
    return new PruneResult(deleted, orphansDeleted, listing.skipped());
  }

  /** Whether {@code pg_dump} and {@code pg_restore} can be run. */
  public static boolean postgresToolsInstalled() {
    return PostgresMechanism.toolsInstalled();
  }

  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a leftover is found and pruned later as an orphan; the original failure matters more
    }
  }
}
