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
  dev.restock.jpa.JpaStoreConfig config();

  /** A raw JDBC connection for checking rows behind the engine's back. */
  Connection connect() throws SQLException;

  @Override
  void close();
}
