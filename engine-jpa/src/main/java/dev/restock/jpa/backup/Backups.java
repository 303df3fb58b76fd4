package dev.restock.jpa.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restock.jpa.Database;
import dev.restock.jpa.JpaStoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Consistent backups of a store's database, their listing and pruning, and restore into a fresh
 * database, using each database's own mechanism:
 *
 * <ul>
 *   <li>SQLite: the online backup API (one step, so one consistent snapshot even while writers
 *       run), gzip-compressed;
 *   <li>H2: {@code SCRIPT ... COMPRESSION GZIP} in a serializable (snapshot) transaction; restore with
 *       {@code RUNSCRIPT};
 *   <li>PostgreSQL: {@code pg_dump -Fc} on a snapshot exported by a repeatable-read transaction
 *       (the row counts are taken in the same snapshot); restore with {@code pg_restore}. Both
 *       tools must be on the path ({@link #postgresToolsInstalled()}).
 * </ul>
 *
 * Each backup gets a {@code FILE.json} with time, schema version, row counts per table and the
 * file's SHA-256. Restore checks the checksum first and the row counts after, and refuses a
 * target that already holds tables.
 */
public final class Backups {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private Backups() {}

  /**
   * Takes a backup of the database {@code config} points at into {@code dir} (created if
   * missing). The store may be open and in use meanwhile.
   *
   * @throws BackupException when the backup cannot be taken; no partial file is left behind
   */
  public static BackupInfo backup(JpaStoreConfig config, Path dir) {
    return backup(config, dir, Clock.systemUTC(), null);
  }

  /** Like {@link #backup(JpaStoreConfig, Path)}, stamped with {@code clock}'s time. */
  public static BackupInfo backup(JpaStoreConfig config, Path dir, Clock clock) {
    return backup(config, dir, clock, null);
  }

  /** A backup with a note saying why it was taken (kept in its metadata). */
  public static BackupInfo backup(JpaStoreConfig config, Path dir, Clock clock, String note) {
    try {
      Files.createDirectories(dir);
      Instant at = clock.instant();
      String base = "restock-" + config.database().name().toLowerCase(java.util.Locale.ROOT)
          + "-" + STAMP.format(at);
      Snapshot snapshot = switch (config.database()) {
        case SQLITE -> sqliteBackup(config, dir.resolve(base + ".db.gz"));
        case H2 -> h2Backup(config, dir.resolve(base + ".sql.gz"));
        case POSTGRESQL -> postgresBackup(config, dir.resolve(base + ".pgdump"));
      };
      BackupInfo info = new BackupInfo(snapshot.file(), at, config.database(),
          description(config), snapshot.schemaVersion(), snapshot.counts(),
          sha256(snapshot.file()), Files.size(snapshot.file()), note);
      writeMetadata(info);
      return info;
    } catch (IOException e) {
      throw new BackupException("cannot write the backup into " + dir + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new BackupException("backup of " + description(config) + " failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * Restores {@code file} (with its {@code FILE.json}) into the empty database {@code target}
   * points at, then checks that every table holds the rows the backup recorded.
   *
   * @throws BackupException when the checksum does not match, the target is not empty or of
   *     another database, the restore fails, or the row counts differ
   */
  public static BackupInfo restore(Path file, JpaStoreConfig target) {
    return restore(file, target, false);
  }

  /**
   * Like {@link #restore(Path, JpaStoreConfig)}; with {@code replace}, what the target holds is
   * first set aside (SQLite: the file is renamed to {@code FILE.replaced-TIME}) or dropped (H2:
   * all objects; PostgreSQL: the schema). Used to roll a release back to its pre-migration
   * backup. The store must not be open on the target meanwhile.
   */
  public static BackupInfo restore(Path file, JpaStoreConfig target, boolean replace) {
    BackupInfo info = read(metadataOf(file));
    if (info.database() != target.database()) {
      throw new BackupException("backup " + file.getFileName() + " is of " + info.database()
          + "; it cannot be restored into " + target.database());
    }
    String actual = sha256(file);
    if (!actual.equals(info.sha256())) {
      throw new BackupException("backup " + file.getFileName() + " is damaged: its SHA-256 is "
          + actual + ", the backup recorded " + info.sha256());
    }
    try {
      if (replace) {
        clear(target);
      }
      switch (target.database()) {
        case SQLITE -> sqliteRestore(file, target);
        case H2 -> h2Restore(file, target);
        case POSTGRESQL -> postgresRestore(file, target);
      }
      Map<String, Long> counts;
      try (Connection c = connect(target)) {
        counts = counts(c, schemaOf(target));
      }
      if (!counts.equals(info.rowCounts())) {
        throw new BackupException("restored " + description(target) + " does not hold what the "
            + "backup recorded: expected " + info.rowCounts() + ", found " + counts);
      }
      return info;
    } catch (IOException e) {
      throw new BackupException("cannot restore " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new BackupException("restore into " + description(target) + " failed: "
          + e.getMessage(), e);
    }
  }

  /** Sets aside or drops what {@code target} holds, so that a backup can be restored into it. */
  private static void clear(JpaStoreConfig target) throws IOException, SQLException {
    switch (target.database()) {
      case SQLITE -> {
        Path db = sqliteFile(target);
        String stamp = STAMP.format(Instant.now());
        for (String suffix : List.of("", "-wal", "-shm")) {
          Path part = db.resolveSibling(db.getFileName() + suffix);
          if (Files.exists(part)) {
            Files.move(part, db.resolveSibling(db.getFileName() + suffix + ".replaced-" + stamp));
          }
        }
      }
      case H2 -> {
        try (Connection c = connect(target); Statement s = c.createStatement()) {
          s.execute("DROP ALL OBJECTS");
        }
      }
      case POSTGRESQL -> {
        try (Connection c = connect(target); Statement s = c.createStatement()) {
          s.execute("drop schema if exists \"" + schemaOf(target).replace("\"", "\"\"")
              + "\" cascade");
        }
      }
    }
  }

  private static Path sqliteFile(JpaStoreConfig target) {
    return Path.of(target.jdbcUrl().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$",
        ""));
  }

  /** Backups in {@code dir} (those with metadata), newest first; empty when there is none. */
  public static List<BackupInfo> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<BackupInfo> all = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "restock-*.json")) {
      for (Path json : files) {
        all.add(read(json));
      }
    } catch (IOException e) {
      throw new BackupException("cannot list backups in " + dir + ": " + e.getMessage(), e);
    }
    all.sort(Comparator.comparing(BackupInfo::takenAt).reversed());
    return all;
  }

  /**
   * Deletes backups (file and metadata) taken more than {@code keepDays} days before
   * {@code now}; the newest backup is always kept.
   *
   * @return the deleted backups
   */
  public static List<BackupInfo> prune(Path dir, int keepDays, Instant now) {
    if (keepDays < 0) {
      throw new IllegalArgumentException("keepDays must not be negative, was " + keepDays);
    }
    List<BackupInfo> all = list(dir);
    Instant cutoff = now.minus(Duration.ofDays(keepDays));
    List<BackupInfo> deleted = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      BackupInfo info = all.get(i);
      if (info.takenAt().isBefore(cutoff)) {
        try {
          Files.deleteIfExists(info.file());
          Files.deleteIfExists(metadataOf(info.file()));
        } catch (IOException e) {
          throw new BackupException("cannot delete " + info.file() + ": " + e.getMessage(), e);
        }
        deleted.add(info);
      }
    }
    return deleted;
  }

  /** Whether {@code pg_dump} and {@code pg_restore} can be run. */
  public static boolean postgresToolsInstalled() {
    return runs("pg_dump", "--version") && runs("pg_restore", "--version");
  }

  // ------------------------------------------------------------------------------------ SQLite

  private record Snapshot(Path file, String schemaVersion, Map<String, Long> counts) {}

  private static Snapshot sqliteBackup(JpaStoreConfig config, Path target)
      throws SQLException, IOException {
    Path copy = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      try (Connection c = DriverManager.getConnection(config.jdbcUrl())) {
        // one step: the whole database is copied under one read lock, a consistent snapshot
        c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase()
            .backup("main", copy.toString(), null);
      }
      String version;
      Map<String, Long> counts;
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
        version = dev.restock.jpa.JpaStore.schemaVersion(c);
        counts = counts(c, null);
      }
      gzip(copy, target);
      return new Snapshot(target, version, counts);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private static void sqliteRestore(Path file, JpaStoreConfig target) throws IOException {
    Path db = sqliteFile(target);
    if (Files.exists(db) && Files.size(db) > 0) {
      throw new BackupException("restore target " + db + " already exists; restore into a new "
          + "file (or move the old one away first)");
    }
    if (db.getParent() != null) {
      Files.createDirectories(db.getParent());
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      Files.copy(in, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // ------------------------------------------------------------------------------------ H2

  private static Snapshot h2Backup(JpaStoreConfig config, Path target) throws SQLException {
    try (Connection c = connect(config)) {
      c.setAutoCommit(false);
      // H2's REPEATABLE READ takes a snapshot per table at its first read, so SCRIPT would mix
      // moments (seen on a chain-head row ahead of its revisions); SERIALIZABLE gives SCRIPT one
      // snapshot of the whole database
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      try (Statement s = c.createStatement()) {
        s.execute("SCRIPT TO '" + literal(target) + "' COMPRESSION GZIP");
      }
      c.commit();
    }
    // the counts are taken from the script itself, restored into a scratch database
    String scratch = "jdbc:h2:mem:restock-backup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(scratch, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM '" + literal(target) + "' COMPRESSION GZIP");
      Snapshot snapshot = new Snapshot(target, dev.restock.jpa.JpaStore.schemaVersion(c),
          counts(c, null));
      s.execute("SHUTDOWN");
      return snapshot;
    }
  }

  private static void h2Restore(Path file, JpaStoreConfig target) throws SQLException {
    try (Connection c = connect(target)) {
      if (!counts(c, null).isEmpty()) {
        throw new BackupException("restore target " + description(target) + " already holds "
            + "tables; restore into an empty database");
      }
      try (Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + literal(file) + "' COMPRESSION GZIP");
      }
    }
  }

  // ------------------------------------------------------------------------------------ PostgreSQL

  private static Snapshot postgresBackup(JpaStoreConfig config, Path target)
      throws SQLException, IOException {
    if (!postgresToolsInstalled()) {
      throw new BackupException("PostgreSQL backups need pg_dump and pg_restore on the path; "
          + "install the PostgreSQL client tools (e.g. apt install postgresql-client)");
    }
    String schema = schemaOf(config);
    try (Connection c = connect(config)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snapshotId;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select pg_export_snapshot()")) {
        r.next();
        snapshotId = r.getString(1);
      }
      String version = dev.restock.jpa.JpaStore.schemaVersion(c);
      Map<String, Long> counts = counts(c, schema);
      List<String> command = new ArrayList<>(List.of("pg_dump", "-Fc", "--no-owner",
          "--snapshot=" + snapshotId, "-f", target.toString()));
      if (schema != null) {
        command.add("--schema=" + schema);
      }
      run(command, config);
      c.commit();
      return new Snapshot(target, version, counts);
    } catch (RuntimeException | SQLException | IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
  }

  private static void postgresRestore(Path file, JpaStoreConfig target) throws SQLException,
      IOException {
    if (!postgresToolsInstalled()) {
      throw new BackupException("restoring a PostgreSQL backup needs pg_restore on the path; "
          + "install the PostgreSQL client tools (e.g. apt install postgresql-client)");
    }
    try (Connection c = connect(target)) {
      if (!counts(c, schemaOf(target)).isEmpty()) {
        throw new BackupException("restore target " + description(target) + " already holds "
            + "tables; restore into an empty database");
      }
    }
    run(List.of("pg_restore", "--no-owner", "--exit-on-error", file.toString()), target);
  }

  /** Runs a PostgreSQL client tool against the database of {@code config}. */
  private static void run(List<String> command, JpaStoreConfig config) throws IOException {
    Properties url = org.postgresql.Driver.parseURL(config.jdbcUrl(), null);
    if (url == null) {
      throw new BackupException("cannot read the PostgreSQL URL " + description(config));
    }
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-h", url.getProperty("PGHOST", "localhost"),
        "-p", url.getProperty("PGPORT", "5432"), "-d", url.getProperty("PGDBNAME")));
    String user = config.user() != null ? config.user() : url.getProperty("user");
    if (user != null) {
      full.addAll(List.of("-U", user));
    }
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    String password = config.password() != null ? config.password() : url.getProperty("password");
    if (password != null && !password.isEmpty()) {
      pb.environment().put("PGPASSWORD", password);
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new BackupException(command.get(0) + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new BackupException(command.get(0) + " was interrupted");
    }
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ------------------------------------------------------------------------------------ shared

  private static Connection connect(JpaStoreConfig config) throws SQLException {
    Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
        config.password());
    if (config.schema() != null) {
      c.setSchema(config.schema());
    }
    return c;
  }

  private static String schemaOf(JpaStoreConfig config) {
    if (config.database() != Database.POSTGRESQL) {
      return null;
    }
    if (config.schema() != null) {
      return config.schema();
    }
    Properties url = org.postgresql.Driver.parseURL(config.jdbcUrl(), null);
    String current = url == null ? null : url.getProperty("currentSchema");
    return current == null ? "public" : current;
  }

  /** Rows per table of the schema (all user tables), in name order. */
  private static Map<String, Long> counts(Connection c, String schema) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet r = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (r.next()) {
        String name = r.getString("TABLE_NAME");
        String tableSchema = r.getString("TABLE_SCHEM");
        if (name.startsWith("sqlite_") || "INFORMATION_SCHEMA".equalsIgnoreCase(tableSchema)) {
          continue;
        }
        tables.add(name);
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    try (Statement s = c.createStatement()) {
      for (String table : tables) {
        String qualified = (schema == null ? "" : "\"" + schema + "\".") + "\"" + table + "\"";
        try (ResultSet r = s.executeQuery("select count(*) from " + qualified)) {
          r.next();
          counts.put(table.toLowerCase(java.util.Locale.ROOT), r.getLong(1));
        }
      }
    }
    return counts;
  }

  private static String literal(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }

  private static void gzip(Path from, Path to) throws IOException {
    try (InputStream in = Files.newInputStream(from);
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      in.transferTo(out);
    }
  }

  private static String sha256(Path file) {
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

  static Path metadataOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".json");
  }

  private static void writeMetadata(BackupInfo info) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("file", info.file().getFileName().toString());
    node.put("takenAt", info.takenAt().toString());
    node.put("database", info.database().name());
    node.put("source", info.source());
    node.put("schemaVersion", info.schemaVersion());
    node.set("rowCounts", JSON.valueToTree(new TreeMap<>(info.rowCounts())));
    node.put("sha256", info.sha256());
    node.put("bytes", info.bytes());
    node.put("note", info.note());
    JSON.writerWithDefaultPrettyPrinter().writeValue(metadataOf(info.file()).toFile(), node);
  }

  private static BackupInfo read(Path json) {
    try {
      var node = JSON.readTree(json.toFile());
      Map<String, Long> counts = new TreeMap<>();
      node.get("rowCounts").fields().forEachRemaining(e -> counts.put(e.getKey(),
          e.getValue().asLong()));
      return new BackupInfo(json.resolveSibling(node.get("file").asText()),
          Instant.parse(node.get("takenAt").asText()),
          Database.valueOf(node.get("database").asText()), node.get("source").asText(),
          node.get("schemaVersion").asText(null), counts, node.get("sha256").asText(),
          node.get("bytes").asLong(), node.hasNonNull("note") ? node.get("note").asText() : null);
    } catch (IOException | RuntimeException e) {
      throw new BackupException("cannot read backup metadata " + json + ": " + e.getMessage(), e);
    }
  }

  private static String description(JpaStoreConfig config) {
    return dev.restock.jpa.Secrets.mask(config.jdbcUrl())
        + (config.schema() == null ? "" : " schema " + config.schema());
  }
}
