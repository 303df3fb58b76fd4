package dev.restock.jpa.backup;

import dev.restock.api.audit.ChainVerification;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** JDBC helpers and the checks every restore runs on its staged copy before installing it. */
final class BackupSql {
  private BackupSql() {}

  static Connection connect(JpaStoreConfig config) throws SQLException {
    Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
        config.password());
    if (config.schema() != null) {
      c.setSchema(config.schema());
    }
    return c;
  }

  /** The schema the store's tables live in; null where the database has none to choose. */
  static String schemaOf(JpaStoreConfig config) {
    return config.database().dialect().tableSchema(config.jdbcUrl(), config.schema())
        .orElse(null);
  }

  static Path sqliteFile(JpaStoreConfig target) {
    return Path.of(target.jdbcUrl().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$",
        "")).toAbsolutePath().normalize();
  }

  /** A PostgreSQL identifier, quoted: schema names come from configuration, never from data. */
  static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Rows per table of the schema (all user tables), in name order. */
  static Map<String, Long> counts(Connection c, String schema) throws SQLException {
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
        // names come from the database's own catalogue
        String qualified = (schema == null ? "" : quoted(schema) + ".") + quoted(table);
        try (ResultSet r = s.executeQuery("select count(*) from " + qualified)) {
          r.next();
          counts.put(table.toLowerCase(java.util.Locale.ROOT), r.getLong(1));
        }
      }
    }
    return counts;
  }

  static String description(JpaStoreConfig config) {
    return dev.restock.jpa.config.Secrets.mask(config.jdbcUrl())
        + (config.schema() == null ? "" : " schema " + config.schema());
  }

  /**
   * The checks a staged copy must pass before it may replace anything: the rows the backup
   * recorded, and, when the copy has this release's schema, the history chain verified by the
   * store itself.
   *
   * @return the chain verification, empty when the schema is another release's (noted in
   *     {@code warnings})
   * @throws BackupException when a check fails
   */
  static Optional<ChainVerification> check(JpaStoreConfig staged, BackupInfo info,
      List<String> warnings) throws SQLException {
    return checkCounts(staged, info) ? chain(staged, info, warnings) : Optional.empty();
  }

  /** What a staged copy holds once checked and the erasures applied. */
  record Staged(Optional<ChainVerification> chain, Map<String, Long> counts) {}

  /**
   * {@link #check} on the staged copy (opened with the target's keys), then the carried erasures
   * applied to it and its chain verified again: the copy that may be installed.
   *
   * @throws BackupException when a check fails or the erasures cannot be applied
   */
  static Staged checkAndCarry(JpaStoreConfig staged, JpaStoreConfig target, BackupInfo info,
      CarriedErasures erasures, List<String> warnings) throws SQLException {
    JpaStoreConfig keyed = staged.withKeys(target.keys());
    Optional<ChainVerification> chain = check(keyed, info, warnings);
    Map<String, Long> counts = erasures.applyTo(keyed, info, chain.isPresent(), warnings);
    if (chain.isPresent() && !erasures.isEmpty()) {
      // the erasures added one chained user.erase revision: the chain is proven again with it
      chain = chain(keyed, info, new ArrayList<>());
    }
    return new Staged(chain, counts);
  }

  private static boolean checkCounts(JpaStoreConfig staged, BackupInfo info)
      throws SQLException {
    Map<String, Long> counts;
    try (Connection c = connect(staged)) {
      counts = counts(c, schemaOf(staged));
    }
    if (!counts.equals(info.rowCounts())) {
      throw new BackupException("backup " + info.file().getFileName() + " does not hold what "
          + "its metadata recorded: expected " + info.rowCounts() + ", found " + counts
          + "; nothing was restored");
    }
    return true;
  }

  private static Optional<ChainVerification> chain(JpaStoreConfig staged, BackupInfo info,
      List<String> warnings) {
    var flywayInfo = JpaStore.flyway(staged).info();
    boolean sameRelease = flywayInfo.pending().length == 0 && java.util.Arrays.stream(
        flywayInfo.applied()).noneMatch(m -> m.getState().name().startsWith("FUTURE"));
    if (!sameRelease) {
      warnings.add("history chain not verified: the backup has schema version "
          + info.schemaVersion() + ", not this release's; run 'restock audit verify' with the "
          + "release that matches it");
      return Optional.empty();
    }
    // without keys too: the tool restoring a copy need not hold the source's key file
    ChainVerification chain = JpaStore.verifyChainOf(staged);
    if (!chain.intact()) {
      throw new BackupException("the history chain in backup " + info.file().getFileName()
          + " is broken (" + chain.problem().orElse("no detail") + "); nothing was restored");
    }
    return Optional.of(chain);
  }
}
