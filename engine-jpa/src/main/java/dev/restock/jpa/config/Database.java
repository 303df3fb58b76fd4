package dev.restock.jpa.config;

import dev.restock.jpa.dialect.StoreDialect;
import java.util.Optional;

/**
 * The databases the JPA store supports. What differs between them lives in each one's
 * {@link #dialect()}; the methods here are shorthands for it.
 */
public enum Database {
  /** An embedded single-file database; the default. */
  SQLITE(StoreDialect.sqlite()),
  /** The pure-Java embedded database, in memory or in a file. */
  H2(StoreDialect.h2()),
  /** A PostgreSQL server. */
  POSTGRESQL(StoreDialect.postgresql());

  private final StoreDialect dialect;

  Database(StoreDialect dialect) {
    this.dialect = dialect;
  }

  /** Everything the store does differently on this database. */
  public StoreDialect dialect() {
    return dialect;
  }

  /** {@link StoreDialect#integrityCheck()} of this database. */
  public Optional<String> integrityCheck() {
    return dialect.integrityCheck();
  }

  /** {@link StoreDialect#isDamage(Throwable)} of this database. */
  public boolean isDamage(Throwable failure) {
    return dialect.isDamage(failure);
  }

  /** Flyway location of this database's migrations. */
  public String migrations() {
    return "classpath:dev/restock/migration/" + dialect.migrationFolder();
  }

  /** {@link StoreDialect#defaultPoolSize()} of this database. */
  public int defaultPoolSize() {
    return dialect.defaultPoolSize();
  }

  /**
   * The database a connection of {@code dataSource} is on, from its metadata (URL, else product
   * name): for running on a host's pool without naming the database.
   *
   * @throws IllegalArgumentException when it is none of the three
   * @throws IllegalStateException when no connection can be had
   */
  public static Database of(javax.sql.DataSource dataSource) {
    try (java.sql.Connection c = dataSource.getConnection()) {
      java.sql.DatabaseMetaData meta = c.getMetaData();
      String url = meta.getURL();
      if (url != null) {
        try {
          return ofUrl(url);
        } catch (IllegalArgumentException notByUrl) {
          // a wrapped driver (a proxy, a spy) reports a URL of its own: the product name decides
        }
      }
      for (Database d : values()) {
        if (d.dialect().productName().equalsIgnoreCase(meta.getDatabaseProductName())) {
          return d;
        }
      }
      throw new IllegalArgumentException("unsupported database " + meta.getDatabaseProductName()
          + " (" + url + "): Restock runs on SQLite, H2 and PostgreSQL");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot tell which database the DataSource is on: "
          + e.getMessage(), e);
    }
  }

  /** The database a JDBC URL points at. @throws IllegalArgumentException for any other URL */
  public static Database ofUrl(String jdbcUrl) {
    for (Database database : values()) {
      if (database.dialect.accepts(jdbcUrl)) {
        return database;
      }
    }
    throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
        + "': use jdbc:sqlite:, jdbc:h2: or jdbc:postgresql:, or a file path for SQLite");
  }
}
