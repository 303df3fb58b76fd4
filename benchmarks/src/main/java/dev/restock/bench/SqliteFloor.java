package dev.restock.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The floor on SQLite: one multi-row {@code INSERT ... VALUES (...), (...)} per table, split into
 * chunks that stay under SQLite's limit of bound variables.
 */
final class SqliteFloor extends Floor {
  /** SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32. */
  static final int MAX_VARIABLES = 32_766;
  /** Rows per statement: full chunks repeat one cached statement (see {@link #cached}). */
  static final int ROWS_PER_STATEMENT = 500;

  SqliteFloor(Connection connection) throws SQLException {
    super(connection);
  }

  @Override
  protected void write(Rows rows) throws SQLException {
    int width = rows.columns().size();
    int perStatement = Math.min(ROWS_PER_STATEMENT, MAX_VARIABLES / width);
    List<Object[]> values = rows.values();
    for (int from = 0; from < values.size(); from += perStatement) {
      List<Object[]> chunk = values.subList(from, Math.min(values.size(), from + perStatement));
      String row = "(" + "?, ".repeat(width - 1) + "?)";
      StringBuilder sql = new StringBuilder("insert into ").append(rows.table()).append(" (")
          .append(String.join(", ", rows.columns())).append(") values ").append(row);
      sql.append((", " + row).repeat(chunk.size() - 1));
      PreparedStatement s = cached(sql.toString());
      int p = 1;
      for (Object[] r : chunk) {
        for (Object value : r) {
          if (value instanceof Instant instant) {
            s.setTimestamp(p++, Timestamp.from(instant));
          } else {
            s.setObject(p++, value);
          }
        }
      }
      s.executeUpdate();
    }
  }
}
