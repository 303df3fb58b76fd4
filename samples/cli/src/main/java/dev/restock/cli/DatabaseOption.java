package dev.restock.cli;

import dev.restock.api.error.RestockException;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.migrate.Migrations;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the tool's {@code --db} value means: {@code memory}, a SQLite file path, a {@code jdbc:}
 * URL, or a {@code postgresql://user:password@host:port/db?..} URL; and whether a database is
 * there. Only {@code init} and {@code demo} create one; every other command refuses a missing
 * one, so that a typo in {@code --db} never yields a new empty database.
 */
final class DatabaseOption {
  private DatabaseOption() {}

  /** The value of {@code --db} that selects the in-memory store. */
  static final String MEMORY = "memory";

  /** {@code --db} with the other settings from RESTOCK_DB_* variables (all checked at once). */
  static JpaStoreConfig config(String db) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("RESTOCK_DB_URL"); // --db already took it into account and wins
    // the keys are resolved in one place, KeysOption (--keys, RESTOCK_KEYS_FILE, RESTOCK_KEYS)
    env.remove(JpaStoreConfig.environmentName("restock.keys.file"));
    env.remove(dev.restock.jpa.crypto.EnvironmentKeyProvider.VARIABLE);
    Map<String, String> properties = new HashMap<>();
    Url url = url(db);
    properties.put("restock.db.url", url.jdbc());
    if (url.user() != null) {
      // the user and password written in --db win over RESTOCK_DB_USER / RESTOCK_DB_PASSWORD
      properties.put("restock.db.user", url.user());
      env.remove("RESTOCK_DB_USER");
      if (url.password() != null) {
        properties.put("restock.db.password", url.password());
        env.remove("RESTOCK_DB_PASSWORD");
      }
    }
    try {
      return JpaStoreConfig.from(properties, env);
    } catch (IllegalArgumentException e) {
      throw new RestockCli.UsageException(e.getMessage());
    }
  }

  /** A JDBC URL with the user and password that a {@code postgresql://} URL carried. */
  record Url(String jdbc, String user, String password) {}

  /**
   * {@code postgresql://} and {@code postgres://} URLs (libpq's form) become
   * {@code jdbc:postgresql://host:port/db?params}; user and password move out of the URL.
   * Anything else is left as it is.
   */
  static Url url(String db) {
    String text = db.strip();
    if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
      return new Url(text, null, null);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new RestockCli.UsageException("--db: not a valid postgresql:// URL: "
          + e.getReason());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new RestockCli.UsageException("--db: a PostgreSQL URL needs a host and a database: "
          + "postgresql://HOST[:PORT]/DATABASE[?user=U&password=P]");
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    String jdbc = "jdbc:postgresql://" + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new Url(jdbc, user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /**
   * The file a SQLite or H2 file database lives in (H2: its {@code .mv.db} file); empty for
   * servers and in-memory databases.
   */
  static Optional<Path> file(JpaStoreConfig config) {
    String url = config.jdbcUrl();
    if (url.startsWith("jdbc:sqlite:")) {
      String path = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
      path = path.startsWith("file:") ? path.substring("file:".length()) : path;
      return path.isBlank() || path.contains(":memory:") || path.contains("mode=memory")
          ? Optional.empty() : Optional.of(Path.of(path));
    }
    if (url.startsWith("jdbc:h2:")) {
      String path = url.substring("jdbc:h2:".length()).replaceFirst(";.*$", "");
      if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")) {
        return Optional.empty();
      }
      path = path.startsWith("file:") ? path.substring("file:".length()) : path;
      return Optional.of(Path.of(path + ".mv.db"));
    }
    return Optional.empty();
  }

  /**
   * Refuses a database that is not there: a missing SQLite/H2 file, or a server database
   * without Restock's schema. Exit code 1, like anything else not found.
   */
  static void requireExisting(String db, JpaStoreConfig config) {
    TenantOption.refuseDirectoryWithoutTenant(db);
    Optional<Path> file = file(config);
    if (file.isPresent()) {
      if (!Files.exists(file.get())) {
        throw new MissingDatabaseException(db);
      }
      return;
    }
    if (config.database() == Database.POSTGRESQL && schemaVersion(config) == null) {
      throw new MissingDatabaseException(db);
    }
  }

  /**
   * The schema version of a server database; "unknown" when it cannot be read (the server is
   * down, say): then the command itself meets and reports the problem, as {@code health} does.
   */
  private static String schemaVersion(JpaStoreConfig config) {
    try {
      return Migrations.status(config).current();
    } catch (RuntimeException unreachable) {
      return "unknown";
    }
  }

  /** Whether a database with Restock's schema is there already. */
  static boolean exists(JpaStoreConfig config) {
    Optional<Path> file = file(config);
    if (file.isPresent()) {
      return Files.exists(file.get()) && Migrations.status(config).current() != null;
    }
    return Migrations.status(config).current() != null;
  }

  /** {@code --db memory} given to a command that needs a database that outlives it. */
  static void refuseMemory(String db, String command) {
    if (MEMORY.equals(db)) {
      throw new RestockCli.UsageException("--db memory: '" + command + "' needs a database "
          + "file or server; the in-memory store is empty and gone when the command ends");
    }
  }

  /** A command that only reads or changes an existing database was pointed at none. */
  static final class MissingDatabaseException extends RestockException {
    private static final long serialVersionUID = 1L;

    MissingDatabaseException(String db) {
      super("no database at " + db + " (run 'restock init --db " + db + "' first)");
    }
  }
}
