package dev.restock.jpa;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.Database;

import dev.restock.api.spi.StoreFactory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Factories for JPA stores. Each returns a {@link StoreFactory} for the engine builder; the store
 * opens (migrates, validates) when the engine is built.
 *
 * <pre>{@code
 * RestockEngine.builder().store(JpaStores.sqlite(Path.of("restock.db"))).build();
 * }</pre>
 */
public final class JpaStores {
  private JpaStores() {}

  /** A SQLite database in {@code file}, created when missing. The embedded default. */
  public static StoreFactory sqlite(Path file) {
    Objects.requireNonNull(file, "file");
    return of(JpaStoreConfig.of("jdbc:sqlite:" + file.toAbsolutePath().normalize(), null, null));
  }

  /** An H2 database in memory, alive until the store closes. */
  public static StoreFactory h2InMemory(String name) {
    Objects.requireNonNull(name, "name");
    return of(JpaStoreConfig.of("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  /** An H2 database in a file ({@code file} without the {@code .mv.db} suffix). */
  public static StoreFactory h2File(Path file) {
    Objects.requireNonNull(file, "file");
    return of(JpaStoreConfig.of("jdbc:h2:file:" + file.toAbsolutePath().normalize(), "sa", ""));
  }

  /** A PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/restock}. */
  public static StoreFactory postgres(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return of(JpaStoreConfig.of(jdbcUrl, user, password));
  }

  /**
   * A store from a location as users type it: a {@code jdbc:} URL picks its database by prefix
   * (user and password may be given as URL parameters); anything else is a SQLite file path.
   */
  public static StoreFactory fromLocation(String pathOrJdbcUrl) {
    Objects.requireNonNull(pathOrJdbcUrl, "pathOrJdbcUrl");
    if (pathOrJdbcUrl.startsWith("jdbc:")) {
      var account = Database.ofUrl(pathOrJdbcUrl).dialect().defaultAccount();
      return of(JpaStoreConfig.of(pathOrJdbcUrl, account.map(a -> a.user()).orElse(null),
          account.map(a -> a.password()).orElse(null)));
    }
    return sqlite(Path.of(pathOrJdbcUrl));
  }

  /**
   * A store on the host's pool {@code dataSource} (e.g. the application's HikariCP pool) for
   * {@code database}: the engine reads and writes through it, builds its session factory on it,
   * applies its migrations to it (under its own location and history table), and never closes it;
   * closing the engine leaves the pool open. Units of work are the engine's own; to join the
   * host's transactions use {@link #of} with
   * {@link JpaStoreConfig#of(javax.sql.DataSource, Database)} and
   * {@link JpaStoreConfig#withHostTransactions}.
   *
   * <p>On SQLite each connection of the pool must carry the engine's settings, as driver
   * properties of the pool: {@code journal_mode=WAL}, {@code synchronous=NORMAL},
   * {@code foreign_keys=true}, {@code busy_timeout=5000} (or more) and
   * {@code transaction_mode=IMMEDIATE}; opening fails with an
   * {@link dev.restock.jpa.config.UnsuitableDataSourceException} naming each one missing. Reads
   * then share the pool's IMMEDIATE transactions with writes, so on SQLite readers wait for
   * writers (the store's own pools give readers a separate pool that does not).
   */
  public static StoreFactory dataSource(javax.sql.DataSource dataSource, Database database) {
    return of(JpaStoreConfig.of(dataSource, database));
  }

  /**
   * {@link #dataSource(javax.sql.DataSource, Database)} with the database read from a
   * connection's metadata when the store opens.
   */
  public static StoreFactory dataSource(javax.sql.DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return () -> JpaStore.open(JpaStoreConfig.of(dataSource, Database.of(dataSource)));
  }

  /** A store from a full configuration. */
  public static StoreFactory of(JpaStoreConfig config) {
    Objects.requireNonNull(config, "config");
    return () -> JpaStore.open(config);
  }
}
