package dev.restock.jpa.config;

import java.util.Locale;

/** The databases the JPA store supports, with their migration folder. */
public enum Database {
  /** An embedded single-file database; the default. */
  SQLITE("sqlite", 4, "pragma quick_check"),
  /** The pure-Java embedded database, in memory or in a file. */
  H2("h2", 10, null),
  /** A PostgreSQL server. */
  POSTGRESQL("postgresql", 10, null);

  private final String folder;
  private final int defaultPoolSize;
  private final String integrityCheck;

  Database(String folder, int defaultPoolSize, String integrityCheck) {
    this.folder = folder;
    this.defaultPoolSize = defaultPoolSize;
    this.integrityCheck = integrityCheck;
  }

  /**
   * The statement that checks the database's own structure at start, answering one row
   * {@code ok} when it is intact and otherwise one row per problem; empty where there is none to
   * run. SQLite's {@code quick_check} reads every page of the file (linear in its size, without
   * the index cross-checks of {@code integrity_check}); a PostgreSQL server and H2 check their
   * pages themselves as they read them.
   */
  public java.util.Optional<String> integrityCheck() {
    return java.util.Optional.ofNullable(integrityCheck);
  }

  /**
   * Whether {@code failure} says the database file itself is damaged, as opposed to unreachable
   * or misconfigured: on SQLite a {@code SQLITE_CORRUPT} or {@code SQLITE_NOTADB} anywhere in
   * its causes. Never on a server database, whose damage reaches us as ordinary errors.
   */
  public boolean isDamage(Throwable failure) {
    if (this != SQLITE) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        int primary = sql.getErrorCode() & 0xff; // extended result codes keep it in the low byte
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
          return true;
        }
      }
    }
    return false;
  }

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  /** Flyway location of this database's migrations. */
  public String migrations() {
    return "classpath:dev/restock/migration/" + folder;
  }

  /** Default maximum pool size (for SQLite: the read pool; writes use one connection). */
  public int defaultPoolSize() {
    return defaultPoolSize;
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
      String product = String.valueOf(meta.getDatabaseProductName()).toLowerCase(Locale.ROOT);
      for (Database d : values()) {
        if (product.contains(d.folder)) {
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
