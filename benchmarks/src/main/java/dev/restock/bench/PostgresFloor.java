package dev.restock.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** The floor on PostgreSQL: one {@code COPY ... FROM STDIN} (CSV) per table. */
final class PostgresFloor extends Floor {
  private final CopyManager copy;

  PostgresFloor(Connection connection) throws SQLException {
    super(connection);
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
  }

  @Override
  protected void write(Rows rows) throws SQLException {
    if (rows.values().isEmpty()) {
      return;
    }
    StringBuilder csv = new StringBuilder(rows.values().size() * 160);
    for (Object[] row : rows.values()) {
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          csv.append(',');
        }
        csv.append(csv(row[c]));
      }
      csv.append('\n');
    }
    statements++;
    try {
      copy.copyIn("copy " + rows.table() + " (" + String.join(", ", rows.columns())
          + ") from stdin (format csv)", new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + rows.table() + " failed", e);
    }
  }
}
