package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.sqlite.SQLiteConnection;

/**
 * SQLite: the online backup API (one step, so one consistent snapshot even while writers run),
 * gzip-compressed. A restore unpacks into a temporary file beside the target, checks it there
 * and renames it over the target in one atomic step, so that a crash at any moment leaves
 * either the old database or the new one, each whole.
 */
final class SqliteMechanism implements Mechanism {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
  private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");
  /** Staged copies are hidden files beside the target: {@code .NAME.restore-RANDOM.tmp}. */
  private static final String STAGED_PREFIX = ".%s.restore-";

  @Override
  public Snapshot backup(JpaStoreConfig config, Path temp) throws SQLException, IOException {
    Path copy = temp.resolveSibling(temp.getFileName().toString().replaceFirst("\\.tmp$",
        ".raw.tmp"));
    try {
      try (Connection c = DriverManager.getConnection(config.jdbcUrl())) {
        // one step: the whole database is copied under one read lock, a consistent snapshot
        c.unwrap(SQLiteConnection.class).getDatabase().backup("main", copy.toString(), null);
      }
      Snapshot snapshot;
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
        snapshot = new Snapshot(JpaStore.schemaVersion(c), BackupSql.counts(c, null));
      }
      try (InputStream in = Files.newInputStream(copy);
          OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
        in.transferTo(out);
      }
      return snapshot;
    } finally {
      removeWithSidecars(copy);
    }
  }

  @Override
  public Optional<ChainVerification> restore(Path file, JpaStoreConfig target, BackupInfo info,
      boolean replace, CarriedErasures erasures, List<String> warnings)
      throws SQLException, IOException {
    Path db = BackupSql.sqliteFile(target);
    Path folder = db.getParent();
    Files.createDirectories(folder);
    boolean exists = Files.exists(db) && Files.size(db) > 0;
    if (exists && !replace) {
      throw new BackupException("restore target " + db + " already exists; restore into a new "
          + "file (or move the old one away first)");
    }
    if (exists) {
      // the old database's own write-ahead log is folded into it, so that setting it aside
      // keeps all its committed work and nothing is left to be replayed into the new file
      fold(db);
    }
    List<Path> stale = sidecars(db);
    if (!stale.isEmpty()) {
      throw new BackupException((exists
          ? "the database " + db + " is in use (its files "
          : "stale files beside the missing target " + db + ": ")
          + stale.stream().map(p -> p.getFileName().toString()).toList()
          + (exists ? " remain); close every store on it first"
              : ". SQLite would replay them into the restored database and corrupt it; move "
                  + "them away (they belong to a database that is gone) and restore again"));
    }
    removeLeftovers(db);
    Path staged = folder.resolve(STAGED_PREFIX.formatted(db.getFileName())
        + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
    boolean installed = false;
    try {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        Files.copy(in, staged);
      }
      integrityCheck(staged, info);
      Optional<ChainVerification> chain = BackupSql.checkAndCarry(
          JpaStoreConfig.of("jdbc:sqlite:" + staged, null, null), target, info, erasures,
          warnings).chain();
      fold(staged);
      if (!sidecars(staged).isEmpty()) {
        throw new BackupException("the staged copy " + staged + " kept a write-ahead log; "
            + "nothing was restored");
      }
      force(staged);
      if (exists) {
        keepAside(db);
      }
      try {
        Files.move(staged, db, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new BackupException("the file system of " + folder + " cannot rename atomically; "
            + "nothing was restored", e);
      }
      installed = true;
      force(folder);
      return chain;
    } finally {
      if (!installed) {
        removeWithSidecars(staged);
      }
    }
  }

  /**
   * A restore killed before it could clean up leaves its staged copy; the next restore of the
   * same target removes it (two restores into one target at once are not supported anyway).
   */
  private static void removeLeftovers(Path db) throws IOException {
    String prefix = STAGED_PREFIX.formatted(db.getFileName());
    try (var leftovers = Files.newDirectoryStream(db.getParent(), p -> {
      String name = p.getFileName().toString();
      return name.startsWith(prefix) && name.contains(".tmp");
    })) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  /** {@code pragma integrity_check} must answer exactly "ok". */
  private static void integrityCheck(Path staged, BackupInfo info) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + staged);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("pragma integrity_check")) {
      while (r.next() && problems.size() < 5) {
        problems.add(r.getString(1));
      }
    }
    if (!problems.equals(List.of("ok"))) {
      throw new BackupException("backup " + info.file().getFileName() + " fails SQLite's "
          + "integrity check: " + problems + "; nothing was restored");
    }
  }

  /** Checkpoints the write-ahead log into the file and lets SQLite delete it on close. */
  private static void fold(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("pragma wal_checkpoint(TRUNCATE)");
    }
  }

  private static List<Path> sidecars(Path db) {
    List<Path> found = new ArrayList<>();
    for (String suffix : SIDECARS) {
      Path p = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(p)) {
        found.add(p);
      }
    }
    return found;
  }

  /**
   * Keeps the old database as {@code FILE.replaced-TIME}: a second name for the same file (a
   * hard link) where the file system allows, so the target itself is never missing.
   */
  private static void keepAside(Path db) throws IOException {
    Path aside = db.resolveSibling(db.getFileName() + ".replaced-" + STAMP.format(Instant.now()));
    try {
      Files.createLink(aside, db);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(db, aside, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (!Files.isDirectory(path)) {
        throw e;
      }
      // some platforms cannot open a directory to flush it; the rename is still atomic there
    }
  }

  private static void removeWithSidecars(Path db) throws IOException {
    Files.deleteIfExists(db);
    for (String suffix : SIDECARS) {
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
  }

}
