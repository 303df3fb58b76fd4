package dev.restock.jpa;

import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.SqlHistoryTampering;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.plugin.tck.HistoryTampering;
import dev.restock.plugin.tck.StoreContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract kit on PostgreSQL in a database whose default collation is ICU's English
 * ({@code en-US}), which sorts {@code apple} before {@code Apple} and both before
 * {@code Banana}: the store's text orders must still be by code point, as on every store. The
 * server's other databases use {@code C.UTF-8}, under which the plain kit cannot tell.
 */
class PostgresIcuCollationStoreKitTest extends StoreContract {
  private static final String SERVER = System.getProperty("restock.test.postgres.url",
      "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER = System.getProperty("restock.test.postgres.user",
      "postgres");
  private static String database;
  private FreshDatabase db;

  @BeforeAll
  static void createIcuDatabase() throws SQLException {
    // reachability is checked (and reported, or failed in CI) as for every PostgreSQL test
    TestDatabase.POSTGRES.fresh().close();
    database = "restock_icu_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SERVER, USER, "");
        Statement s = c.createStatement()) {
      s.execute("create database " + database + " template template0 locale_provider icu"
          + " icu_locale 'en-US' locale 'C.UTF-8'");
    }
  }

  @AfterAll
  static void dropIcuDatabase() throws SQLException {
    if (database != null) {
      try (Connection c = DriverManager.getConnection(SERVER, USER, "");
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    }
  }

  @Override
  protected StoreFactory freshStore() {
    db = TestDatabase.postgresSchemaIn(SERVER.replaceFirst("/[^/]*$", "/" + database));
    return db.factory();
  }

  @Override
  public HistoryTampering tampering() {
    return new SqlHistoryTampering(db);
  }

  @Override
  protected void cleanUp() {
    db.close();
  }
}
