package dev.restock.jpa.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything the JPA store does differently on SQLite, H2 and PostgreSQL, in one object per
 * database (after Hibernate's own {@code Dialect}): how connections are pooled, set up and
 * checked, which Hibernate dialect maps the entities, the SQL that differs (row locks, the
 * number series, text search), how soft-delete timestamps read back, how a backup is made and
 * where the migrations are. Code elsewhere in the store asks its dialect instead of branching on
 * the database; an ArchUnit rule keeps it that way.
 *
 * <p>Obtain one from {@code Database.dialect()} (package {@code dev.restock.jpa.config}) or, for
 * a connection at hand, {@link #ofProductName}. Dialects are immutable, stateless and
 * thread-safe. No method touches a JDBC driver before it is called, so a host needs only the
 * driver of the database it uses.
 */
public sealed interface StoreDialect permits SqliteDialect, H2Dialect, PostgresDialect {

  /** The default account of a database that has one (H2's {@code sa} with an empty password). */
  record Account(String user, String password) {}

  /** How a database is backed up, and the file extension of such a backup. */
  enum BackupFormat {
    /** SQLite's online backup API into a database file, gzipped. */
    SQLITE_FILE(".db.gz"),
    /** H2's {@code SCRIPT}: SQL that recreates the database, gzipped. */
    SQL_SCRIPT(".sql.gz"),
    /** {@code pg_dump}'s custom format. */
    PG_DUMP(".pgdump");

    private final String extension;

    BackupFormat(String extension) {
      this.extension = extension;
    }

    /** The extension of a backup's data file, with its leading dot. */
    public String extension() {
      return extension;
    }
  }

  /** The dialect of SQLite, the embedded default. */
  static StoreDialect sqlite() {
    return SqliteDialect.INSTANCE;
  }

  /** The dialect of H2, in memory or in a file. */
  static StoreDialect h2() {
    return H2Dialect.INSTANCE;
  }

  /** The dialect of a PostgreSQL server. */
  static StoreDialect postgresql() {
    return PostgresDialect.INSTANCE;
  }

  /** Every dialect, SQLite first. */
  static List<StoreDialect> all() {
    return List.of(SqliteDialect.INSTANCE, H2Dialect.INSTANCE, PostgresDialect.INSTANCE);
  }

  /**
   * The dialect of the database a JDBC connection reports
   * ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}), ignoring case.
   *
   * @throws IllegalArgumentException for a database the store does not support, naming the
   *     supported ones
   */
  static StoreDialect ofProductName(String productName) {
    for (StoreDialect dialect : all()) {
      if (dialect.productName().equalsIgnoreCase(productName)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException("unsupported database '" + productName + "': Restock runs "
        + "on " + String.join(", ", all().stream().map(StoreDialect::productName).toList()));
  }

  // --- identity -------------------------------------------------------------------------------

  /**
   * Lower-case short name, e.g. {@code sqlite}: in pool names, store descriptions and backup file
   * names, which must not change between releases.
   */
  String id();

  /** The name a person reads in messages, e.g. {@code PostgreSQL}. */
  String displayName();

  /** What the JDBC driver reports as the database product name. */
  String productName();

  /** The prefix of this database's JDBC URLs, e.g. {@code jdbc:h2:}. */
  String jdbcUrlPrefix();

  /** Whether {@code jdbcUrl} points at this database (by prefix, ignoring case). */
  default boolean accepts(String jdbcUrl) {
    return jdbcUrl.toLowerCase(Locale.ROOT).startsWith(jdbcUrlPrefix());
  }

  // --- configuration and schema ---------------------------------------------------------------

  /** Default maximum pool size (with a single writer: the read pool's). */
  int defaultPoolSize();

  /** The account used when none is configured; empty where the database needs none. */
  Optional<Account> defaultAccount();

  /** Whether the store may be given a schema of its own (created when missing). */
  boolean supportsSchemas();

  /**
   * The schema the store's tables live in, for reading the catalogue: the configured one, else
   * the one the URL selects, else the database's default; empty where the database has no schemas
   * to choose from (the catalogue then answers for the connection's own).
   *
   * @param configuredSchema the schema of the configuration, or null
   */
  Optional<String> tableSchema(String jdbcUrl, String configuredSchema);

  /**
   * The folder of this database's Flyway migrations below the engine's migration location, e.g.
   * {@code postgresql}.
   */
  String migrationFolder();

  /**
   * Whether a failed migration's DDL rolls back with its transaction. Where it does not (H2
   * commits each DDL statement), a failed migration is undone by restoring the backup taken
   * before it.
   */
  boolean transactionalDdl();

  // --- connections ----------------------------------------------------------------------------

  /**
   * Whether the database takes one writer at a time, so that writes get a pool of one connection
   * whose transactions take the write lock when they begin, and reads a pool of their own whose
   * transactions never wait for that lock (SQLite). Otherwise one pool serves both.
   */
  boolean singleWriter();

  /**
   * A driver data source the pool draws its connections from, with the settings the store needs
   * on every connection applied; empty where the pool connects by URL with the driver's defaults.
   *
   * @param writes whether the connections are the (single) writer's: their transactions take
   *     the write lock as they begin
   */
  Optional<DataSource> connectionSource(String jdbcUrl, boolean writes);

  /**
   * Each per-connection setting the store relies on that {@code connection} does not have, as
   * {@code "setting is actual, expected wanted"}; empty when all are in force or the database has
   * none to check. Read back from the connection rather than trusted, since a driver may ignore
   * a setting (a file system without WAL support, a host's own pool).
   */
  List<String> connectionProblems(Connection connection) throws SQLException;

  /**
   * The statement that checks the database's own structure at start, answering one row
   * {@code ok} when it is intact and otherwise one row per problem; empty where there is none to
   * run. SQLite's {@code quick_check} reads every page of the file (linear in its size, without
   * the index cross-checks of {@code integrity_check}); a PostgreSQL server and H2 check their
   * pages themselves as they read them.
   */
  Optional<String> integrityCheck();

  /**
   * Whether {@code failure} says the database file itself is damaged, as opposed to unreachable
   * or misconfigured: on SQLite a {@code SQLITE_CORRUPT} or {@code SQLITE_NOTADB} anywhere in
   * its causes. Never on a server database, whose damage reaches us as ordinary errors.
   */
  boolean isDamage(Throwable failure);

  // --- Hibernate ------------------------------------------------------------------------------

  /** The Hibernate dialect class that maps the entities onto this database. */
  String hibernateDialect();

  /** The Hibernate settings that differ between databases (at least the dialect). */
  default Map<String, Object> hibernateSettings() {
    return Map.of(org.hibernate.cfg.AvailableSettings.DIALECT, hibernateDialect());
  }

  // --- SQL ------------------------------------------------------------------------------------

  /**
   * What follows a {@code select} to lock the rows it reads until commit, with a leading space,
   * e.g. {@code " for update"}; empty where a write transaction holds the whole database already
   * (SQLite's {@code BEGIN IMMEDIATE}).
   */
  String forUpdateClause();

  /**
   * One statement that adds 1 to series {@code :s} of table {@code number_series} (creating it
   * at 1) and returns the new value; empty where the database has no such statement, and the
   * caller increments, inserts or reads in separate statements.
   */
  Optional<String> nextNumberSql();

  /**
   * A condition that is true when {@code expression} contains a match of the regular expression
   * bound as {@code :text}, ignoring case.
   */
  String regexMatch(String expression);

  /**
   * A native SQL sort key that orders the text {@code expression} by Unicode code point (so
   * {@code Apple, Banana, apple, Äpple, äpple}), whatever collation the database or column has:
   * every store sorts text that way. {@code expression} is a constant column expression, never
   * input. H2 (no collation set) and SQLite ({@code BINARY}) compare code points already.
   */
  default String textSortKey(String expression) {
    return expression;
  }

  /** {@link #textSortKey} for an HQL {@code order by}, over a constant HQL path. */
  default String hqlTextSortKey(String path) {
    return path;
  }

  /**
   * The zone of the timestamps the database writes for a soft delete (Hibernate writes its
   * current-time function into {@code deleted_at}): SQLite's {@code datetime('now')} is UTC text
   * with second precision, H2 and PostgreSQL write the session's local time.
   */
  ZoneId deletedAtZone();

  // --- backup ---------------------------------------------------------------------------------

  /** How this database is backed up and restored. */
  BackupFormat backupFormat();

  /**
   * The statements Flyway 13 itself runs on this database to create a schema history table, so
   * that a table made by the engine reads and extends exactly like one Flyway made.
   *
   * @param table the quoted, schema-qualified table name
   * @param pk the quoted name of its primary key constraint
   * @param index the quoted name of its index on {@code success}
   * @param qualifiedIndex that index name qualified as this database's {@code create index} wants it
   */
  List<String> flywayHistoryTableDdl(String table, String pk, String index, String qualifiedIndex);

  /**
   * Begins on {@code c} a transaction that runs one at a time across processes, for maintenance
   * such as moving the migration history: SQLite takes the write lock at once (BEGIN IMMEDIATE),
   * PostgreSQL takes the transaction-scoped advisory lock {@code key}. H2 (in one process) relies
   * on the caller's lock in the JVM. The caller restores {@code c}'s auto-commit afterwards.
   */
  default void beginExclusive(Connection c, long key) throws SQLException {
    c.setAutoCommit(false);
  }

  /** Ends a transaction begun by {@link #beginExclusive}, committing or rolling back. */
  default void endExclusive(Connection c, boolean commit) throws SQLException {
    if (commit) {
      c.commit();
    } else {
      c.rollback();
    }
  }

  /**
   * Makes the transaction open on {@code c} run one at a time with others that call this with
   * {@code key}, until it ends: PostgreSQL takes the transaction-scoped advisory lock
   * {@code key}. Nothing elsewhere: SQLite's write transactions hold the write lock from their
   * BEGIN IMMEDIATE, and H2 (in one process) relies on the caller's lock in the JVM.
   */
  default void lockInTransaction(Connection c, long key) throws SQLException {
    // the transaction's own locking serializes it
  }

  /** The statement that keeps other writers off a table until the transaction ends, if any. */
  default Optional<String> lockTableExclusive(String qualifiedTable) {
    return Optional.empty();
  }

  /**
   * The host's pool as the engine uses it: on SQLite every connection taken gets the SQL
   * functions the engine registers on its own connections. Other databases: {@code host} itself.
   */
  default DataSource onHostPool(DataSource host) {
    return host;
  }

  /** The host's transactions as the engine joins them (SQLite: with the engine's functions). */
  default dev.restock.jpa.tx.HostTransactions onHostTransactions(
      dev.restock.jpa.tx.HostTransactions host) {
    return host;
  }

  /**
   * Every setting the engine needs that a connection of the host's pool lacks, each saying how
   * to set it; empty when the connection will do.
   */
  default List<String> hostPoolProblems(Connection connection) throws SQLException {
    return List.of();
  }

  /**
   * Settings of the host's pool that the engine works without but a host should know of (a
   * durability it does not have), each saying how to set it; logged as warnings, never refused.
   */
  default List<String> hostPoolWarnings(Connection connection) throws SQLException {
    return List.of();
  }

  /**
   * Whether the database, opened by one process, has no lock that {@link #lockInTransaction}
   * could take across stores, so stores of this process take turns on a lock in the JVM (H2).
   */
  default boolean locksOnlyInProcess() {
    return false;
  }

  /**
   * Applies, once when the store opens its own pool, settings that belong to the database rather
   * than to a connection (and persist in it); returns a warning for each it could not apply
   * (the store opens all the same). Nothing where the database needs none.
   */
  default List<String> applyDatabaseSettings(Connection connection) throws SQLException {
    return List.of();
  }

  /** How a host sets what {@link #hostPoolProblems} names on its pool. */
  default String hostPoolAdvice() {
    return "";
  }
}
