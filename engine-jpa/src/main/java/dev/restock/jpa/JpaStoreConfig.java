package dev.restock.jpa;

import java.time.Clock;
import java.util.Objects;

/**
 * How to reach the database behind a JPA store.
 *
 * @param database which database the URL points at
 * @param jdbcUrl JDBC URL, e.g. {@code jdbc:sqlite:/data/restock.db}
 * @param user user name, or null where the database needs none
 * @param password password, or null
 * @param schema PostgreSQL schema to use (created when missing), or null for the default
 * @param maxPoolSize maximum pooled connections; for SQLite the read pool, writes use one
 * @param clock clock for audit stamps
 */
public record JpaStoreConfig(
    Database database, String jdbcUrl, String user, String password, String schema,
    int maxPoolSize, Clock clock) {
  public JpaStoreConfig {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(clock, "clock");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
    }
    if (schema != null && database != Database.POSTGRESQL) {
      throw new IllegalArgumentException("a schema can only be chosen on PostgreSQL");
    }
  }

  /** A configuration for {@code jdbcUrl} with the database's default pool size. */
  public static JpaStoreConfig of(String jdbcUrl, String user, String password) {
    Database db = Database.ofUrl(jdbcUrl);
    return new JpaStoreConfig(db, jdbcUrl, user, password, null, db.defaultPoolSize(),
        Clock.systemUTC());
  }

  public JpaStoreConfig withSchema(String newSchema) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, newSchema, maxPoolSize, clock);
  }

  public JpaStoreConfig withMaxPoolSize(int size) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, size, clock);
  }

  public JpaStoreConfig withClock(Clock newClock) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, newClock);
  }

  @Override
  public String toString() {
    // never print the password
    return "JpaStoreConfig[" + database + " " + jdbcUrl + (schema == null ? "" : " schema " + schema)
        + "]";
  }
}
