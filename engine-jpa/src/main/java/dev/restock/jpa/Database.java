package dev.restock.jpa;

import java.util.Locale;

/** The databases the JPA store supports, with their migration folder. */
public enum Database {
  /** An embedded single-file database; the default. */
  SQLITE("sqlite", 4),
  /** The pure-Java embedded database, in memory or in a file. */
  H2("h2", 10),
  /** A PostgreSQL server. */
  POSTGRESQL("postgresql", 10);

  private final String folder;
  private final int defaultPoolSize;

  Database(String folder, int defaultPoolSize) {
    this.folder = folder;
    this.defaultPoolSize = defaultPoolSize;
  }

  /** Flyway location of this database's migrations. */
  public String migrations() {
    return "classpath:db/migration/" + folder;
  }

  /** Default maximum pool size (for SQLite: the read pool; writes use one connection). */
  public int defaultPoolSize() {
    return defaultPoolSize;
  }

  /** The database a JDBC URL points at. @throws IllegalArgumentException for any other URL */
  public static Database ofUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
        + "': use jdbc:sqlite:, jdbc:h2: or jdbc:postgresql:, or a file path for SQLite");
  }
}
