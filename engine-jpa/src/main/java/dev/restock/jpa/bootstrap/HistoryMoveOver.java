package dev.restock.jpa.bootstrap;

import dev.restock.jpa.dialect.StoreDialect;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.Secrets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the engine's migration history out of Flyway's default table. Restock releases before
 * the engine had a location and table of its own recorded their migrations in
 * {@value #LEGACY_TABLE}, the table a host's own Flyway uses. At start, before anything is
 * validated or migrated, the engine's rows move to its own table (the one the {@link Flyway} it
 * is given names) unchanged: same installed rank, version, description, type, script, checksum,
 * installer, time, duration and outcome, so Flyway validates them as before.
 *
 * <p>A row is the engine's when its version, description, script and checksum are those of a
 * migration in the engine's locations (a host's row with the same version number is not).
 * Rows of anyone else stay where they are, untouched. Only when the old table held nothing but
 * the engine's rows (and Flyway's own marker rows) is it dropped, so that a host starting its
 * own Flyway later finds the default table free.
 *
 * <p>Nothing moves when the old table does not exist, holds none of the engine's rows, or when
 * the engine's table already records a version (moved before, or a database the engine created
 * in the new layout). The move is one transaction (on H2, whose DDL commits, the new table is
 * created first and a failed copy is retried at the next start); it holds a lock and checks
 * again inside it, so two engines starting at once move the history once: an advisory
 * transaction lock and a table lock on PostgreSQL, {@code BEGIN IMMEDIATE} on SQLite, a lock in
 * this JVM on H2 (which one process opens at a time).
 *
 * <p>Thread-safe; stateless.
 */
public final class HistoryMoveOver {
  /** Flyway's default history table, where the engine's migrations were recorded before. */
  public static final String LEGACY_TABLE = "flyway_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(HistoryMoveOver.class);

  /** Key of the PostgreSQL advisory lock the move holds: "restock-h" in ASCII. */
  private static final long MOVE_LOCK_KEY = 0x7265_7374_6f63_6bL;

  /** H2 runs in this process: one move at a time within it. */
  private static final Object JVM_LOCK = new Object();

  private static final String COLUMNS = "\"installed_rank\", \"version\", \"description\","
      + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\","
      + " \"execution_time\", \"success\"";

  private HistoryMoveOver() {}

  /**
   * Moves the engine's rows over if there are any to move.
   *
   * @param config the store's configuration: its database and schema
   * @param engine Flyway as the engine configures it (its locations and its own history table)
   * @param reading where to look first; on SQLite a reading connection, so that a start-up with
   *     nothing to move never waits for another process's write lock
   * @param writing where to move, in one transaction
   * @return how many rows moved; 0 when there was nothing to move
   * @throws IllegalStateException when the move fails; the database is then as it was
   */
  public static int run(JpaStoreConfig config, Flyway engine, DataSource reading,
      DataSource writing) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(engine, "engine");
    String table = engine.getConfiguration().getTable();
    try {
      Set<Key> ours;
      try (Connection c = reading.getConnection()) {
        Tables tables = new Tables(config, c, table);
        if (!tables.exists(LEGACY_TABLE)) {
          return 0; // the common case, answered without resolving any migration
        }
        ours = ours(engine);
        if (!tables.needsMove(ours)) {
          return 0;
        }
      } catch (SQLException e) {
        // another engine moving it at this moment dropped the old table between two reads:
        // the check under the lock below decides
        LOG.debug("checking for a history to move failed; checking again under the lock", e);
        ours = ours(engine);
      }
      // engines of one process take turns here; across processes the database's lock decides
      synchronized (JVM_LOCK) {
        return moveInTransaction(config, writing, table, ours);
      }
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException(Secrets.mask("moving Restock's migration history from "
          + LEGACY_TABLE + " to " + table + " in " + config.jdbcUrl() + " failed: "
          + e.getMessage() + ". Nothing was moved; the database is as it was."),
          Secrets.scrub(e));
    }
  }

  private static int moveInTransaction(JpaStoreConfig config, DataSource writing, String table,
      Set<Key> ours) throws SQLException {
    StoreDialect dialect = config.database().dialect();
    try (Connection c = writing.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      dialect.beginExclusive(c, MOVE_LOCK_KEY);
      try {
        Tables tables = new Tables(config, c, table);
        int moved = tables.needsMove(ours) ? tables.move(ours) : 0;
        dialect.endExclusive(c, true);
        if (moved > 0) {
          LOG.info("moved {} row(s) of Restock's migration history from {} to {}", moved,
              LEGACY_TABLE, table);
        }
        return moved;
      } catch (SQLException | RuntimeException e) {
        try {
          dialect.endExclusive(c, false);
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** The engine's migrations as Flyway resolves them from its locations. */
  private static Set<Key> ours(Flyway engine) {
    Set<Key> keys = new HashSet<>();
    for (MigrationInfo m : engine.info().all()) {
      if (m.getVersion() != null && m.getScript() != null) {
        keys.add(new Key(m.getVersion().toString(), m.getDescription(), m.getScript(),
            m.getChecksum()));
      }
    }
    return keys;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** What makes a history row one of the engine's migrations. */
  private record Key(String version, String description, String script, Integer checksum) {}

  /** One row of a history table, as far as telling whose it is goes. */
  private record Row(int rank, String version, String description, String type, String script,
      Integer checksum) {
    Key key() {
      return new Key(version, description, script, checksum);
    }

    /** Flyway's own bookkeeping: the schema-creation and (H2) table-creation markers. */
    boolean marker() {
      return version == null && ("SCHEMA".equals(type) || "TABLE".equals(type));
    }
  }

  /** The old and the new history table of one schema, seen through one connection. */
  private static final class Tables {
    private final StoreDialect dialect;
    private final Connection c;
    private final String schema;
    private final String table;

    Tables(JpaStoreConfig config, Connection c, String table) throws SQLException {
      this.dialect = config.database().dialect();
      this.c = c;
      // Flyway's default schema: the configured one, else the connection's current schema
      this.schema = !dialect.supportsSchemas() ? null
          : config.schema() != null ? config.schema() : c.getSchema();
      this.table = table;
    }

    boolean needsMove(Set<Key> ours) throws SQLException {
      if (!exists(LEGACY_TABLE)) {
        return false;
      }
      if (exists(table) && recordsAVersion()) {
        return false;
      }
      return rows().stream().anyMatch(r -> ours.contains(r.key()));
    }

    /** Copies the engine's rows, removes them from the old table, drops it if nothing is left. */
    int move(Set<Key> ours) throws SQLException {
      // a host's Flyway writing the old table waits until the move is done (where it can)
      for (String lock : dialect.lockTableExclusive(qualified(LEGACY_TABLE)).stream().toList()) {
        execute(c, lock);
      }
      List<Row> rows = rows();
      List<Row> engines = new ArrayList<>();
      boolean othersLeft = false;
      for (Row r : rows) {
        if (ours.contains(r.key())) {
          engines.add(r);
        } else if (!r.marker()) {
          othersLeft = true;
        }
      }
      List<Row> moving = new ArrayList<>(engines);
      if (!othersLeft) {
        // the table was ours alone: its markers come along, then it goes
        moving = rows;
      }
      if (!exists(table)) {
        for (String ddl : createScript()) {
          execute(c, ddl);
        }
      }
      try (PreparedStatement copy = c.prepareStatement("insert into " + qualified(table) + " ("
          + COLUMNS + ") select " + COLUMNS + " from " + qualified(LEGACY_TABLE)
          + " where \"installed_rank\" = ?");
          PreparedStatement delete = c.prepareStatement("delete from "
              + qualified(LEGACY_TABLE) + " where \"installed_rank\" = ?")) {
        for (Row r : moving) {
          copy.setInt(1, r.rank());
          copy.executeUpdate();
          delete.setInt(1, r.rank());
          delete.executeUpdate();
        }
      }
      if (!othersLeft) {
        execute(c, "drop table " + qualified(LEGACY_TABLE));
      }
      return engines.size();
    }

    private boolean recordsAVersion() throws SQLException {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          "select count(*) from " + qualified(table) + " where \"version\" is not null")) {
        return r.next() && r.getLong(1) > 0;
      }
    }

    private List<Row> rows() throws SQLException {
      List<Row> rows = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
          "select \"installed_rank\", \"version\", \"description\", \"type\", \"script\","
              + " \"checksum\" from " + qualified(LEGACY_TABLE)
              + " order by \"installed_rank\"")) {
        while (r.next()) {
          int checksum = r.getInt(6);
          rows.add(new Row(r.getInt(1), r.getString(2), r.getString(3), r.getString(4),
              r.getString(5), r.wasNull() ? null : checksum));
        }
      }
      return rows;
    }

    private boolean exists(String name) throws SQLException {
      DatabaseMetaData meta = c.getMetaData();
      // names are patterns here ('_' matches any character): compare the exact names
      try (ResultSet r = meta.getTables(null, schema, name, null)) {
        while (r.next()) {
          if (name.equals(r.getString("TABLE_NAME"))
              && (schema == null || schema.equals(r.getString("TABLE_SCHEM")))) {
            return true;
          }
        }
      }
      return false;
    }

    private String qualified(String name) {
      return (schema == null ? "" : quoted(schema) + ".") + quoted(name);
    }

    /**
     * The statements Flyway 13 itself runs to create a history table on this database (read
     * back from tables it created; a test compares the layout with Flyway's), so that Flyway
     * reads and extends the new table exactly as one it made.
     */
    private List<String> createScript() {
      String t = qualified(table);
      String pk = quoted(table + "_pk");
      String index = quoted(table + "_s_idx");
      return dialect.flywayHistoryTableDdl(t, pk, index,
          (schema == null ? "" : quoted(schema) + ".") + index);
    }

    private static String quoted(String identifier) {
      return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
  }
}
