package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL: {@code pg_dump -Fc} on a snapshot exported by a repeatable-read transaction (the
 * row counts are taken in the same snapshot). A dump names the schema it was taken from, so a
 * restore goes through a scratch database: {@code pg_restore} there, the schema renamed to the
 * requested one and checked, then dumped again and restored into the target in one transaction.
 * This needs the right to create databases. Both tools must be on the path.
 */
final class PostgresMechanism implements Mechanism {

  /** Where the client tools connect: host, port, database and credentials of a store. */
  private record Server(String host, String port, String database, String user,
      String password) {
    static Server of(JpaStoreConfig config) {
      Properties url = org.postgresql.Driver.parseURL(config.jdbcUrl(), null);
      if (url == null) {
        throw new BackupException("cannot read the PostgreSQL URL "
            + BackupSql.description(config));
      }
      return new Server(url.getProperty("PGHOST", "localhost"),
          url.getProperty("PGPORT", "5432"), url.getProperty("PGDBNAME"),
          config.user() != null ? config.user() : url.getProperty("user"),
          config.password() != null ? config.password() : url.getProperty("password"));
    }

    Server on(String otherDatabase) {
      return new Server(host, port, otherDatabase, user, password);
    }

    JpaStoreConfig config(String schema) {
      // host and port only: the URL's own parameters (credentials) are passed separately
      return JpaStoreConfig.of("jdbc:postgresql://" + host.split(",")[0] + ":" + port.split(",")[0]
          + "/" + database, user, password == null ? "" : password).withSchema(schema);
    }
  }

  static boolean toolsInstalled() {
    return runs("pg_dump", "--version") && runs("pg_restore", "--version");
  }

  @Override
  public Snapshot backup(JpaStoreConfig config, Path temp) throws SQLException, IOException {
    requireTools();
    String schema = BackupSql.schemaOf(config);
    try (Connection c = BackupSql.connect(config)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snapshotId;
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select pg_export_snapshot()")) {
        r.next();
        snapshotId = r.getString(1);
      }
      String version = JpaStore.schemaVersion(c);
      Map<String, Long> counts = BackupSql.counts(c, schema);
      run(List.of("pg_dump", "-Fc", "--no-owner", "--snapshot=" + snapshotId,
          "--schema=" + schema, "-f", temp.toString()), Server.of(config));
      c.commit();
      return new Snapshot(version, counts);
    }
  }

  @Override
  public Optional<ChainVerification> restore(Path file, JpaStoreConfig target, BackupInfo info,
      boolean replace, CarriedErasures erasures, List<String> warnings)
      throws SQLException, IOException {
    requireTools();
    String schema = BackupSql.schemaOf(target);
    Server server = Server.of(target);
    boolean schemaExists;
    try (Connection c = BackupSql.connect(target)) {
      schemaExists = exists(c, schema);
      if (!replace && !BackupSql.counts(c, schema).isEmpty()) {
        throw new BackupException("restore target " + BackupSql.description(target)
            + " already holds tables; restore into an empty database");
      }
    }
    String scratch = "restock_restore_" + UUID.randomUUID().toString().replace("-", "")
        .substring(0, 16);
    Path redump = Files.createTempFile("restock-restore-", ".pgdump");
    try (Connection admin = BackupSql.connect(server.config(null));
        Statement s = admin.createStatement()) {
      s.execute("create database " + scratch);
      try {
        BackupSql.Staged staged = stage(file, server.on(scratch), schema, target, info,
            erasures, warnings);
        run(List.of("pg_dump", "-Fc", "--no-owner", "--schema=" + schema, "-f",
            redump.toString()), server.on(scratch));
        install(redump, target, server, schema, schemaExists, info, staged.counts());
        return staged.chain();
      } finally {
        s.execute("drop database if exists " + scratch + " with (force)");
      }
    } finally {
      Files.deleteIfExists(redump);
    }
  }

  /**
   * The dump restored into the scratch database under {@code schema}, checked there, and the
   * erasures applied.
   */
  private static BackupSql.Staged stage(Path file, Server scratch, String schema,
      JpaStoreConfig target, BackupInfo info, CarriedErasures erasures, List<String> warnings)
      throws SQLException, IOException {
    run(List.of("pg_restore", "--no-owner", "--exit-on-error", file.toString()), scratch);
    try (Connection c = BackupSql.connect(scratch.config(null))) {
      List<String> dumped = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("select table_schema from "
          + "information_schema.tables where table_name = ?")) {
        p.setString(1, "restock_schema_history");
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            dumped.add(r.getString(1));
          }
        }
      }
      if (dumped.size() != 1) {
        throw new BackupException("backup " + info.file().getFileName() + " holds "
            + dumped.size() + " Restock schemas " + dumped + "; expected one");
      }
      if (!dumped.get(0).equals(schema)) {
        try (Statement s = c.createStatement()) {
          // the scratch database is ours alone: an empty default schema may give way
          s.execute("drop schema if exists " + BackupSql.quoted(schema) + " cascade");
          s.execute("alter schema " + BackupSql.quoted(dumped.get(0)) + " rename to "
              + BackupSql.quoted(schema));
        }
      }
    }
    return BackupSql.checkAndCarry(scratch.config(schema), target, info, erasures, warnings);
  }

  /**
   * Restores the checked dump into the target in one transaction. An old schema being replaced
   * is renamed aside first and dropped only when the new one is in; a failure renames it back.
   */
  private static void install(Path dump, JpaStoreConfig target, Server server, String schema,
      boolean schemaExists, BackupInfo info, Map<String, Long> expected)
      throws SQLException, IOException {
    String aside = null;
    List<String> restore = new ArrayList<>(List.of("pg_restore", "--no-owner",
        "--exit-on-error", "--single-transaction"));
    Path list = null;
    try (Connection c = BackupSql.connect(server.config(null)); Statement s = c.createStatement()) {
      if (schemaExists && !BackupSql.counts(c, schema).isEmpty()) {
        aside = (schema + "_replaced_" + UUID.randomUUID().toString().substring(0, 8));
        aside = aside.substring(0, Math.min(aside.length(), 63));
        s.execute("alter schema " + BackupSql.quoted(schema) + " rename to "
            + BackupSql.quoted(aside));
      } else if (schemaExists) {
        // an empty schema that already exists (public, or one made by an administrator with
        // its grants) stays; the dump's own CREATE SCHEMA entry is left out instead
        list = Files.createTempFile("restock-restore-", ".list");
        List<String> entries = run(List.of("pg_restore", "-l", dump.toString()), null).lines()
            .filter(line -> !line.contains(" SCHEMA - ")).toList();
        Files.write(list, entries);
        restore.addAll(List.of("-L", list.toString()));
      }
      restore.add(dump.toString());
      try {
        run(restore, server);
        Map<String, Long> counts = BackupSql.counts(c, schema);
        if (!counts.equals(expected)) {
          if (!schemaExists || aside != null) {
            s.execute("drop schema " + BackupSql.quoted(schema) + " cascade");
          }
          throw new BackupException("restored " + BackupSql.description(target) + " does not "
              + "hold what the checked copy held: expected " + expected + ", found " + counts);
        }
      } catch (RuntimeException | IOException | SQLException e) {
        if (aside != null) {
          s.execute("alter schema " + BackupSql.quoted(aside) + " rename to "
              + BackupSql.quoted(schema));
        }
        throw e;
      }
      if (aside != null) {
        s.execute("drop schema " + BackupSql.quoted(aside) + " cascade");
      }
    } finally {
      if (list != null) {
        Files.deleteIfExists(list);
      }
    }
  }

  private static boolean exists(Connection c, String schema) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "select 1 from pg_namespace where nspname = ?")) {
      p.setString(1, schema);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  private static void requireTools() {
    if (!toolsInstalled()) {
      throw new BackupException("PostgreSQL backups and restores need pg_dump and pg_restore on "
          + "the path; install the PostgreSQL client tools (e.g. apt install postgresql-client)");
    }
  }

  /**
   * Runs a PostgreSQL client tool against {@code server}'s database (or none, when null) and
   * returns what it printed.
   */
  private static String run(List<String> command, Server server) throws IOException {
    List<String> full = new ArrayList<>(command);
    if (server != null) {
      full.addAll(List.of("-h", server.host(), "-p", server.port(), "-d", server.database()));
      if (server.user() != null) {
        full.addAll(List.of("-U", server.user()));
      }
    }
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    if (server != null && server.password() != null && !server.password().isEmpty()) {
      pb.environment().put("PGPASSWORD", server.password());
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new BackupException(command.get(0) + " failed: " + output.strip());
      }
      return output;
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
}
