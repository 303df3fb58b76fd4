package dev.restock.jpa.migrate;

import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads Flyway history tables behind the engine's back, for the migration-layout tests. */
final class HistoryTables {
  /** Flyway's default table: the host's, and where Restock recorded its migrations before. */
  static final String FLYWAY_DEFAULT = "flyway_schema_history";
  static final String RESTOCK = "restock_schema_history";

  private static final String COLUMNS = "\"installed_rank\", \"version\", \"description\","
      + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\","
      + " \"execution_time\", \"success\"";

  private HistoryTables() {}

  /** On PostgreSQL, the fresh database's schema, created as a host's DBA would. */
  static void prepare(TestDatabase database, FreshDatabase db) throws SQLException {
    if (database != TestDatabase.POSTGRES) {
      return;
    }
    String schema = db.jdbcUrl().replaceFirst(".*currentSchema=", "");
    if (!schema.matches("[a-z0-9_]+")) {
      throw new IllegalStateException("unexpected schema name " + schema);
    }
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("create schema if not exists " + schema);
    }
  }

  /** Every column of every row of a history table, as text, oldest first. */
  static List<List<String>> rows(FreshDatabase db, String table) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select " + COLUMNS + " from \"" + table + "\""
            + " order by \"installed_rank\"")) {
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
          row.add(r.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The rows of migrations (Flyway's own marker rows left out), oldest first. */
  static List<List<String>> migrationRows(FreshDatabase db, String table) throws SQLException {
    return rows(db, table).stream().filter(row -> row.get(1) != null).toList();
  }

  /** The versions a history table records as applied successfully, oldest first. */
  static List<String> versions(FreshDatabase db, String table) throws SQLException {
    return rows(db, table).stream()
        .filter(row -> row.get(1) != null && isTrue(row.get(9)))
        .map(row -> row.get(1)).toList();
  }

  /** The scripts a history table records, oldest first (Flyway's own marker rows left out). */
  static List<String> scripts(FreshDatabase db, String table) throws SQLException {
    return rows(db, table).stream().filter(row -> row.get(1) != null)
        .map(row -> row.get(4)).toList();
  }

  /**
   * The layout of a table as JDBC metadata describes it: each column (name, type, size,
   * nullability, default), the primary key's columns and each index with its columns.
   */
  static List<String> layout(FreshDatabase db, String table) throws SQLException {
    List<String> layout = new ArrayList<>();
    try (Connection c = db.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = c.getSchema();
      try (ResultSet r = meta.getColumns(null, schema, table, null)) {
        while (r.next()) {
          layout.add("column " + r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME")
              + "(" + r.getInt("COLUMN_SIZE") + ") nullable=" + r.getString("IS_NULLABLE")
              + " default=" + r.getString("COLUMN_DEF"));
        }
      }
      try (ResultSet r = meta.getPrimaryKeys(null, schema, table)) {
        while (r.next()) {
          layout.add("primary key " + r.getString("PK_NAME") + " on "
              + r.getString("COLUMN_NAME"));
        }
      }
      List<String> indexes = new ArrayList<>();
      try (ResultSet r = meta.getIndexInfo(null, schema, table, false, false)) {
        while (r.next()) {
          if (r.getString("COLUMN_NAME") != null) {
            // H2 names the index behind a primary key itself (PRIMARY_KEY_B, _B2, ...)
            String name = r.getString("INDEX_NAME").replaceFirst("^PRIMARY_KEY_.*", "PRIMARY_KEY");
            indexes.add("index " + name + " unique="
                + !r.getBoolean("NON_UNIQUE") + " on " + r.getString("COLUMN_NAME"));
          }
        }
      }
      indexes.sort(null);
      layout.addAll(indexes);
    }
    return layout;
  }

  /** Whether the table exists in the database's (current) schema. */
  static boolean exists(FreshDatabase db, String table) throws SQLException {
    try (Connection c = db.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet r = meta.getTables(null, c.getSchema(), table, null)) {
        return r.next();
      }
    }
  }

  private static boolean isTrue(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1") || v.equals("t");
  }
}
