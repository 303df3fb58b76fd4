package dev.restock.jpa.audit;

import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

class PostgresOrderLinesMigrationTest extends OrderLinesMigrationTest {
  /** A superuser's way around foreign keys: triggers, FK checks included, stop firing. */
  @Override
  protected List<String> foreignKeysOff() {
    return List.of("set session_replication_role = replica");
  }

  @Override
  protected TestDatabase database() {
    return TestDatabase.POSTGRES;
  }

  /** The fresh schema exists only once a store opens; Flyway runs before that here. */
  @Override
  protected void prepare(FreshDatabase fresh) throws SQLException {
    String schema = fresh.jdbcUrl().replaceFirst(".*currentSchema=", "");
    if (!schema.matches("[a-z0-9_]+")) {
      throw new IllegalStateException("unexpected schema name " + schema);
    }
    try (Connection c = fresh.connect(); Statement s = c.createStatement()) {
      s.execute("create schema if not exists " + schema);
    }
  }
}
