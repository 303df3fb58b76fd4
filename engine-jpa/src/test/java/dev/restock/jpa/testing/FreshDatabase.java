package dev.restock.jpa.testing;

import dev.restock.api.spi.StoreFactory;
import java.sql.Connection;
import java.sql.SQLException;

/** A new, empty database for one test; closing drops it. */
public interface FreshDatabase extends AutoCloseable {

  /** A factory opening a store on this database (callable more than once, e.g. two "processes"). */
  StoreFactory factory();

  String jdbcUrl();

  /** The store configuration of this database (its URL and credentials). */
  dev.restock.jpa.config.JpaStoreConfig config();

  /** A raw JDBC connection for checking rows behind the engine's back. */
  Connection connect() throws SQLException;

  /** Rows of {@code table}, soft-deleted ones included; the name must be a test constant. */
  default long count(String table) {
    if (!table.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    try (Connection c = connect(); java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count " + table, e);
    }
  }

  @Override
  void close();
}
