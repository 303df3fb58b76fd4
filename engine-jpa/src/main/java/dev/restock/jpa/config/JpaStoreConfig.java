package dev.restock.jpa.config;

import dev.restock.api.spi.KeyProvider;
import dev.restock.jpa.crypto.EnvironmentKeyProvider;
import dev.restock.jpa.crypto.KeyFileKeyProvider;


import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import dev.restock.jpa.tx.HostTransactions;
import dev.restock.api.stability.Experimental;

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
 * @param connectionTimeout how long a caller waits for a pooled connection before failing
 * @param slowQueryThreshold statements slower than this are logged (logger
 *     {@code org.hibernate.SQL_SLOW}); zero turns the log off
 * @param leakDetectionThreshold a connection held longer than this outside the pool is reported
 *     as a possible leak (HikariCP; at least 2 s); zero turns detection off
 * @param migrateOnStart whether opening the store applies pending migrations (the default, handy
 *     for embedded use); when false, a database behind the code is refused with a message to run
 *     {@code restock migrate apply} (or {@link dev.restock.jpa.migrate.Migrations#apply})
 * @param extraMigrations further Flyway locations after the database's own (a host's additions,
 *     or tests), e.g. {@code classpath:db/extra/sqlite}
 * @param secondLevelCache whether read-mostly aggregates (products, device and cabinet types) are
 *     kept in a second-level cache (JCache with Caffeine, {@value #CACHE_MAX_ENTRIES} entries per
 *     type), invalidated by every write through this store. Off by default: turn it on only
 *     when this process is the only one writing the database, since another process's writes
 *     do not reach this cache.
 * @param integrityCheck whether opening the store first checks the database file's integrity
 *     ({@link Database#integrityCheck()}: {@code pragma quick_check} on SQLite) and refuses a
 *     damaged one with a {@link DamagedDatabaseException}, before anything is written. On by
 *     default; turn it off only to open a damaged file for repair or export.
 * @param dataSource the host's pool to run on, or null for pools of the store's own built from
 *     {@code jdbcUrl}. The store never closes the host's pool. With a host pool, {@code jdbcUrl}
 *     is read from a connection's metadata when the store opens (until then it holds
 *     {@value #HOST_DATA_SOURCE_URL}), {@code user}, {@code password} and the pool settings are
 *     not used, and a PostgreSQL {@code schema} must be the connections' current schema.
 * @param hostTransactions the host's transactions that the store's units of work join
 *     ({@link HostTransactions#NONE}: none); only with the host's {@code dataSource}, and not
 *     with the second-level cache (which Hibernate fills before the host has committed)
 * @param schemaValidation when opening checks Hibernate's mapping against the tables (see
 *     {@link SchemaValidation}); default {@link SchemaValidation#WHEN_VERSION_DIFFERS}
 * @param readReplica a PostgreSQL streaming replica that read-only units may run on (see
 *     {@link ReadReplica}), or null for none (the default); only on PostgreSQL, and not with
 *     host transactions
 */
public record JpaStoreConfig(
    Database database, String jdbcUrl, String user, String password, String schema,
    int maxPoolSize, Clock clock, Duration connectionTimeout, Duration slowQueryThreshold,
    Duration leakDetectionThreshold, boolean migrateOnStart, List<String> extraMigrations,
    boolean secondLevelCache, boolean integrityCheck, DataSource dataSource,
    HostTransactions hostTransactions, SchemaValidation schemaValidation,
    ReadReplica readReplica, KeyProvider keys) {

  /** Entries kept per cached entity type when the second-level cache is on. */
  public static final int CACHE_MAX_ENTRIES = 10_000;

  /** Default of {@link #connectionTimeout()}: 30 s, HikariCP's own default. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
  /** Default of {@link #slowQueryThreshold()}: 500 ms. */
  public static final Duration DEFAULT_SLOW_QUERY_THRESHOLD = Duration.ofMillis(500);
  /** The SQLite file used when nothing is configured. */
  public static final String DEFAULT_URL = "jdbc:sqlite:./restock.db";

  public JpaStoreConfig {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(slowQueryThreshold, "slowQueryThreshold");
    Objects.requireNonNull(leakDetectionThreshold, "leakDetectionThreshold");
    extraMigrations = List.copyOf(extraMigrations);
    if (connectionTimeout.toMillis() < 250) {
      throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, was "
          + connectionTimeout.toMillis() + " ms");
    }
    if (slowQueryThreshold.isNegative()) {
      throw new IllegalArgumentException("slowQueryThreshold must not be negative");
    }
    if (!leakDetectionThreshold.isZero() && leakDetectionThreshold.toMillis() < 2000) {
      throw new IllegalArgumentException("leakDetectionThreshold must be 0 (off) or at least "
          + "2000 ms, was " + leakDetectionThreshold.toMillis() + " ms");
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
    }
    if (schema != null && !database.dialect().supportsSchemas()) {
      throw new IllegalArgumentException("a schema can only be chosen on PostgreSQL");
    }
    Objects.requireNonNull(hostTransactions, "hostTransactions (HostTransactions.NONE for none)");
    Objects.requireNonNull(schemaValidation,
        "schemaValidation (SchemaValidation.WHEN_VERSION_DIFFERS by default)");
    if (hostTransactions != HostTransactions.NONE && dataSource == null) {
      throw new IllegalArgumentException("host transactions need the host's DataSource: use "
          + "JpaStoreConfig.of(dataSource, database)");
    }
    if (hostTransactions != HostTransactions.NONE && secondLevelCache) {
      throw new IllegalArgumentException("the second-level cache cannot be combined with host "
          + "transactions: Hibernate would cache changes before the host commits them");
    }
    if (readReplica != null && database != Database.POSTGRESQL) {
      throw new IllegalArgumentException(replicaRefusal(database));
    }
    if (readReplica != null && hostTransactions != HostTransactions.NONE) {
      throw new IllegalArgumentException("a read replica cannot be combined with host "
          + "transactions: the store does not see when the host commits, so its reads could "
          + "miss the host's writes");
    }
  }

  /** A configuration without master keys: personal fields are stored plain. */
  public JpaStoreConfig(
      Database database, String jdbcUrl, String user, String password, String schema,
      int maxPoolSize, Clock clock, Duration connectionTimeout, Duration slowQueryThreshold,
      Duration leakDetectionThreshold, boolean migrateOnStart, List<String> extraMigrations,
      boolean secondLevelCache, boolean integrityCheck, DataSource dataSource,
      HostTransactions hostTransactions, SchemaValidation schemaValidation,
      ReadReplica readReplica) {
    this(database, jdbcUrl, user, password, schema, maxPoolSize, clock, connectionTimeout,
        slowQueryThreshold, leakDetectionThreshold, migrateOnStart, extraMigrations,
        secondLevelCache, integrityCheck, dataSource, hostTransactions, schemaValidation,
        readReplica, null);
  }

  /**
   * This configuration with personal fields encrypted under {@code keys} (null: stored plain);
   * see {@link dev.restock.jpa.crypto.FieldCrypto} and docs/personal-data.md. A database that
   * holds encrypted values cannot be opened without keys, nor with keys that lack a master key
   * its data keys are wrapped under.
   */
  @Experimental(since = "0.3")
  public JpaStoreConfig withKeys(KeyProvider keys) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, secondLevelCache, integrityCheck, dataSource, hostTransactions,
        schemaValidation, readReplica, keys);
  }

  private static String replicaRefusal(Database database) {
    return "a read replica can only be configured on PostgreSQL (streaming replication), not on "
        + database.dialect().displayName();
  }

  /** A configuration without a read replica. */
  public JpaStoreConfig(
      Database database, String jdbcUrl, String user, String password, String schema,
      int maxPoolSize, Clock clock, Duration connectionTimeout, Duration slowQueryThreshold,
      Duration leakDetectionThreshold, boolean migrateOnStart, List<String> extraMigrations,
      boolean secondLevelCache, boolean integrityCheck, DataSource dataSource,
      HostTransactions hostTransactions, SchemaValidation schemaValidation) {
    this(database, jdbcUrl, user, password, schema, maxPoolSize, clock, connectionTimeout,
        slowQueryThreshold, leakDetectionThreshold, migrateOnStart, extraMigrations,
        secondLevelCache, integrityCheck, dataSource, hostTransactions, schemaValidation, null);
  }

  /**
   * This configuration with read-only units of work running on the PostgreSQL streaming replica
   * at {@code jdbcUrl} while it is at most {@code maxStaleness} behind the primary (measured at
   * most once a second), with read-your-writes for this store's own writes; see
   * {@link ReadReplica} for the rules, and {@code JpaStore.replica()} for its figures.
   *
   * @param user the user on the replica, or null for the primary's
   * @param password its password, or null for the primary's
   * @throws IllegalArgumentException on a database other than PostgreSQL
   */
  @Experimental(since = "0.3")
  public JpaStoreConfig withReadReplica(String jdbcUrl, String user, String password,
      Duration maxStaleness) {
    return withReadReplica(ReadReplica.of(jdbcUrl, user, password, maxStaleness));
  }

  /**
   * This configuration with {@code replica} serving read-only units (null: none).
   *
   * @throws IllegalArgumentException on a database other than PostgreSQL
   */
  @Experimental(since = "0.3")
  public JpaStoreConfig withReadReplica(ReadReplica replica) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, secondLevelCache, integrityCheck, dataSource, hostTransactions,
        schemaValidation, replica, keys);
  }

  /** A configuration with {@link SchemaValidation#WHEN_VERSION_DIFFERS}, the default. */
  public JpaStoreConfig(
      Database database, String jdbcUrl, String user, String password, String schema,
      int maxPoolSize, Clock clock, Duration connectionTimeout, Duration slowQueryThreshold,
      Duration leakDetectionThreshold, boolean migrateOnStart, List<String> extraMigrations,
      boolean secondLevelCache, boolean integrityCheck, DataSource dataSource,
      HostTransactions hostTransactions) {
    this(database, jdbcUrl, user, password, schema, maxPoolSize, clock, connectionTimeout,
        slowQueryThreshold, leakDetectionThreshold, migrateOnStart, extraMigrations,
        secondLevelCache, integrityCheck, dataSource, hostTransactions,
        SchemaValidation.WHEN_VERSION_DIFFERS);
  }

  /** A configuration on pools of the store's own. */
  public JpaStoreConfig(
      Database database, String jdbcUrl, String user, String password, String schema,
      int maxPoolSize, Clock clock, Duration connectionTimeout, Duration slowQueryThreshold,
      Duration leakDetectionThreshold, boolean migrateOnStart, List<String> extraMigrations,
      boolean secondLevelCache, boolean integrityCheck) {
    this(database, jdbcUrl, user, password, schema, maxPoolSize, clock, connectionTimeout,
        slowQueryThreshold, leakDetectionThreshold, migrateOnStart, extraMigrations,
        secondLevelCache, integrityCheck, null, HostTransactions.NONE);
  }

  /** What {@link #jdbcUrl()} holds for a host's pool until the store reads the real URL. */
  public static final String HOST_DATA_SOURCE_URL = "host-datasource:";

  /**
   * A configuration on the host's pool {@code dataSource} (e.g. the application's HikariCP
   * pool) for {@code database}, with the defaults of {@link #of(String, String, String)}:
   * migrations applied at start, integrity check on, no cache, no host transactions. The store
   * uses the pool for reads and writes, runs its migrations on it, and never closes it. On
   * SQLite every connection of the pool must carry the engine's settings (WAL,
   * synchronous=NORMAL, foreign keys on, busy timeout of at least 5000 ms, transactions that
   * begin IMMEDIATE); the store checks one at start and refuses a pool without them.
   */
  public static JpaStoreConfig of(DataSource dataSource, Database database) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(database, "database");
    return new JpaStoreConfig(database, HOST_DATA_SOURCE_URL, null, null, null,
        database.defaultPoolSize(), Clock.systemUTC(), DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_SLOW_QUERY_THRESHOLD, Duration.ZERO, true, List.of(), false, true, dataSource,
        HostTransactions.NONE);
  }

  /**
   * This configuration with its units of work joining the host's transactions (see
   * {@link HostTransactions}); only on the host's pool.
   */
  public JpaStoreConfig withHostTransactions(HostTransactions host) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, secondLevelCache, integrityCheck, dataSource, host, schemaValidation,
        readReplica, keys);
  }

  /** This configuration with the URL the host's pool reported; for the store as it opens. */
  public JpaStoreConfig withJdbcUrl(String url) {
    return new JpaStoreConfig(database, url, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, secondLevelCache, integrityCheck, dataSource, hostTransactions,
        schemaValidation, readReplica, keys);
  }

  /** Whether the store runs on the host's pool rather than pools of its own. */
  public boolean onHostDataSource() {
    return dataSource != null;
  }

  /** A configuration with the integrity check at start on (the default). */
  public JpaStoreConfig(
      Database database, String jdbcUrl, String user, String password, String schema,
      int maxPoolSize, Clock clock, Duration connectionTimeout, Duration slowQueryThreshold,
      Duration leakDetectionThreshold, boolean migrateOnStart, List<String> extraMigrations,
      boolean secondLevelCache) {
    this(database, jdbcUrl, user, password, schema, maxPoolSize, clock, connectionTimeout,
        slowQueryThreshold, leakDetectionThreshold, migrateOnStart, extraMigrations,
        secondLevelCache, true);
  }

  /** A configuration for {@code jdbcUrl} with the database's default pool size. */
  public static JpaStoreConfig of(String jdbcUrl, String user, String password) {
    Database db = Database.ofUrl(jdbcUrl);
    return new JpaStoreConfig(db, jdbcUrl, user, password, null, db.defaultPoolSize(),
        Clock.systemUTC(), DEFAULT_CONNECTION_TIMEOUT, DEFAULT_SLOW_QUERY_THRESHOLD,
        Duration.ZERO, true, List.of(), false, true);
  }

  /**
   * A configuration from properties ({@code restock.db.url}, {@code restock.db.user},
   * {@code restock.db.password}, {@code restock.db.schema}, {@code restock.db.pool-size},
   * {@code restock.db.connection-timeout-ms}, {@code restock.db.slow-query-ms},
   * {@code restock.db.leak-detection-ms}, {@code restock.db.migrate-on-start},
   * {@code restock.db.cache}, {@code restock.db.integrity-check},
   * {@code restock.db.schema-validation}, and for a PostgreSQL read replica
   * {@code restock.db.replica-url}, {@code restock.db.replica-user},
   * {@code restock.db.replica-password} (both default to the primary's),
   * {@code restock.db.replica-max-staleness-ms} (default 5000) and
   * {@code restock.db.replica-check-interval-ms} (default 1000), and {@code restock.keys.file},
   * a {@link KeyFileKeyProvider} file whose keys encrypt personal fields (without it, the keys of
   * the environment variable {@code RESTOCK_KEYS} when set, see {@link EnvironmentKeyProvider})); each may also come from the environment variable of
   * the same name in upper case with {@code _} (e.g. {@code RESTOCK_DB_URL}), which wins. Missing
   * keys take the defaults: a SQLite file {@code ./restock.db}, the database's pool size, 30 s,
   * 500 ms, leak detection off, schema validation {@code when-version-differs}; H2 without a
   * user gets its default account {@code sa}. A value
   * that is not a {@code jdbc:} URL is a SQLite file path.
   *
   * @throws IllegalArgumentException naming every bad value at once
   */
  public static JpaStoreConfig from(Map<String, String> properties, Map<String, String> env) {
    Map<String, String> values = new java.util.HashMap<>(properties);
    for (String key : KEYS) {
      String fromEnv = env.get(environmentName(key));
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(key, fromEnv);
      }
    }
    List<String> problems = new ArrayList<>();
    String url = values.getOrDefault("restock.db.url", DEFAULT_URL).strip();
    if (!url.startsWith("jdbc:")) {
      url = "jdbc:sqlite:" + url;
    }
    JpaStoreConfig config;
    try {
      String user = values.get("restock.db.user");
      String password = values.get("restock.db.password");
      var account = Database.ofUrl(url).dialect().defaultAccount();
      if (user == null && account.isPresent()) {
        user = account.get().user();
        password = password == null ? account.get().password() : password;
      }
      config = of(url, user, password);
    } catch (IllegalArgumentException e) {
      problems.add("restock.db.url: " + e.getMessage());
      config = of(DEFAULT_URL, null, null);
    }
    String schema = values.get("restock.db.schema");
    int pool = (int) number(values, "restock.db.pool-size", config.maxPoolSize(), 1, 500,
        problems);
    long timeout = number(values, "restock.db.connection-timeout-ms", 30_000, 250, 600_000,
        problems);
    long slow = number(values, "restock.db.slow-query-ms", 500, 0, 3_600_000, problems);
    long leak = number(values, "restock.db.leak-detection-ms", 0, 0, 3_600_000, problems);
    String migrateText = values.getOrDefault("restock.db.migrate-on-start", "true").strip();
    boolean migrate = !migrateText.equalsIgnoreCase("false");
    if (!migrateText.equalsIgnoreCase("true") && !migrateText.equalsIgnoreCase("false")) {
      problems.add("restock.db.migrate-on-start: must be true or false (was '" + migrateText
          + "')");
    }
    String cacheText = values.getOrDefault("restock.db.cache", "false").strip();
    boolean cache = cacheText.equalsIgnoreCase("true");
    if (!cache && !cacheText.equalsIgnoreCase("false")) {
      problems.add("restock.db.cache: must be true or false (was '" + cacheText + "')");
    }
    String checkText = values.getOrDefault("restock.db.integrity-check", "true").strip();
    boolean check = !checkText.equalsIgnoreCase("false");
    if (check && !checkText.equalsIgnoreCase("true")) {
      problems.add("restock.db.integrity-check: must be true or false (was '" + checkText + "')");
    }
    SchemaValidation validation = SchemaValidation.WHEN_VERSION_DIFFERS;
    String validationText = values.get("restock.db.schema-validation");
    if (validationText != null && !validationText.isBlank()) {
      try {
        validation = SchemaValidation.fromProperty(validationText);
      } catch (IllegalArgumentException e) {
        problems.add("restock.db.schema-validation: " + e.getMessage());
      }
    }
    if (leak > 0 && leak < 2000) {
      problems.add("restock.db.leak-detection-ms: must be 0 (off) or at least 2000 (was "
          + leak + ")");
    }
    if (schema != null && !schema.isBlank() && !config.database().dialect().supportsSchemas()) {
      problems.add("restock.db.schema: a schema can only be chosen on PostgreSQL");
    }
    ReadReplica replica = replica(values, config.database(), problems);
    KeyProvider keys = keys(values, env, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid Restock configuration: "
          + String.join("; ", problems));
    }
    return new JpaStoreConfig(config.database(), config.jdbcUrl(), config.user(),
        config.password(), schema == null || schema.isBlank() ? null : schema.strip(), pool,
        config.clock(), Duration.ofMillis(timeout), Duration.ofMillis(slow),
        Duration.ofMillis(leak), migrate, List.of(), cache, check)
        .withSchemaValidation(validation).withReadReplica(replica).withKeys(keys);
  }

  /**
   * The master keys of {@code restock.keys.file}, else of the environment variable
   * {@code RESTOCK_KEYS}, else none; what is wrong goes to {@code problems}.
   */
  private static KeyProvider keys(Map<String, String> values, Map<String, String> env,
      List<String> problems) {
    String file = values.get("restock.keys.file");
    try {
      if (file != null && !file.isBlank()) {
        return KeyFileKeyProvider.load(java.nio.file.Path.of(file.strip()));
      }
      String fromEnv = env.get(EnvironmentKeyProvider.VARIABLE);
      if (fromEnv != null && !fromEnv.isBlank()) {
        return new EnvironmentKeyProvider(env);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      problems.add((file != null && !file.isBlank() ? "restock.keys.file: "
          : EnvironmentKeyProvider.VARIABLE + ": ") + e.getMessage());
    }
    return null;
  }

  /**
   * The read replica the {@code restock.db.replica-*} values describe, or null when
   * {@code restock.db.replica-url} is not given; what is wrong goes to {@code problems}.
   */
  private static ReadReplica replica(Map<String, String> values, Database database,
      List<String> problems) {
    String url = values.get("restock.db.replica-url");
    long staleness = number(values, "restock.db.replica-max-staleness-ms",
        ReadReplica.DEFAULT_MAX_STALENESS.toMillis(), 0, 3_600_000, problems);
    long interval = number(values, "restock.db.replica-check-interval-ms",
        ReadReplica.DEFAULT_CHECK_INTERVAL.toMillis(), 0, 3_600_000, problems);
    if (url == null || url.isBlank()) {
      return null;
    }
    if (database != Database.POSTGRESQL) {
      problems.add("restock.db.replica-url: " + replicaRefusal(database));
      return null;
    }
    try {
      return new ReadReplica(url.strip(), values.get("restock.db.replica-user"),
          values.get("restock.db.replica-password"), Duration.ofMillis(staleness),
          Duration.ofMillis(interval), true);
    } catch (IllegalArgumentException e) {
      problems.add("restock.db.replica-url: " + e.getMessage());
      return null;
    }
  }

  /** {@link #from} with this process's environment variables. */
  public static JpaStoreConfig fromEnvironment(Map<String, String> properties) {
    return from(properties, System.getenv());
  }

  private static final List<String> KEYS = List.of("restock.db.url", "restock.db.user",
      "restock.db.password", "restock.db.schema", "restock.db.pool-size",
      "restock.db.connection-timeout-ms", "restock.db.slow-query-ms",
      "restock.db.leak-detection-ms", "restock.db.migrate-on-start", "restock.db.cache",
      "restock.db.integrity-check", "restock.db.schema-validation", "restock.db.replica-url",
      "restock.db.replica-user", "restock.db.replica-password",
      "restock.db.replica-max-staleness-ms", "restock.db.replica-check-interval-ms",
      "restock.keys.file");

  /** {@code restock.db.pool-size} becomes {@code RESTOCK_DB_POOL_SIZE}. */
  public static String environmentName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static long number(Map<String, String> values, String key, long fallback, long min,
      long max, List<String> problems) {
    String text = values.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(text.strip());
      if (n < min || n > max) {
        problems.add(key + ": must be between " + min + " and " + max + " (was " + n + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(key + ": must be a whole number (was '" + text + "')");
      return fallback;
    }
  }

  private JpaStoreConfig with(String newSchema, int size, Clock newClock, Duration timeout,
      Duration slow, Duration leak) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, newSchema, size, newClock,
        timeout, slow, leak, migrateOnStart, extraMigrations, secondLevelCache, integrityCheck,
        dataSource, hostTransactions, schemaValidation, readReplica, keys);
  }

  /** This configuration with the second-level cache on or off. */
  public JpaStoreConfig withSecondLevelCache(boolean on) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, on, integrityCheck, dataSource,
        hostTransactions, schemaValidation, readReplica, keys);
  }

  /** This configuration with migrations applied at start-up or not. */
  public JpaStoreConfig withMigrateOnStart(boolean migrate) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrate, extraMigrations,
        secondLevelCache, integrityCheck, dataSource,
        hostTransactions, schemaValidation, readReplica, keys);
  }

  /** This configuration with further Flyway migration locations. */
  public JpaStoreConfig withExtraMigrations(String... locations) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        List.of(locations), secondLevelCache, integrityCheck, dataSource,
        hostTransactions, schemaValidation, readReplica, keys);
  }

  /** This configuration with the integrity check at start on or off. */
  public JpaStoreConfig withIntegrityCheck(boolean on) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, secondLevelCache, on, dataSource,
        hostTransactions, schemaValidation, readReplica, keys);
  }

  /**
   * This configuration with Hibernate's schema validation at opening as {@code validation}
   * says: {@link SchemaValidation#STRICT} at every opening, or only when the schema was not at
   * the expected version.
   */
  public JpaStoreConfig withSchemaValidation(SchemaValidation validation) {
    return new JpaStoreConfig(database, jdbcUrl, user, password, schema, maxPoolSize, clock,
        connectionTimeout, slowQueryThreshold, leakDetectionThreshold, migrateOnStart,
        extraMigrations, secondLevelCache, integrityCheck, dataSource, hostTransactions,
        validation, readReplica, keys);
  }

  /** Every Flyway location of this configuration: the database's own, then the extras. */
  public List<String> migrationLocations() {
    List<String> all = new ArrayList<>();
    all.add(database.migrations());
    all.addAll(extraMigrations);
    return all;
  }

  public JpaStoreConfig withSchema(String newSchema) {
    return with(newSchema, maxPoolSize, clock, connectionTimeout, slowQueryThreshold,
        leakDetectionThreshold);
  }

  public JpaStoreConfig withMaxPoolSize(int size) {
    return with(schema, size, clock, connectionTimeout, slowQueryThreshold,
        leakDetectionThreshold);
  }

  public JpaStoreConfig withClock(Clock newClock) {
    return with(schema, maxPoolSize, newClock, connectionTimeout, slowQueryThreshold,
        leakDetectionThreshold);
  }

  public JpaStoreConfig withConnectionTimeout(Duration timeout) {
    return with(schema, maxPoolSize, clock, timeout, slowQueryThreshold, leakDetectionThreshold);
  }

  public JpaStoreConfig withSlowQueryThreshold(Duration threshold) {
    return with(schema, maxPoolSize, clock, connectionTimeout, threshold, leakDetectionThreshold);
  }

  public JpaStoreConfig withLeakDetectionThreshold(Duration threshold) {
    return with(schema, maxPoolSize, clock, connectionTimeout, slowQueryThreshold, threshold);
  }

  @Override
  public String toString() {
    // never print the password, given apart or inside the URL
    return "JpaStoreConfig[" + database + " " + Secrets.mask(jdbcUrl) + (schema == null ? "" : " schema " + schema)
        + (dataSource == null ? "" : " on the host's DataSource")
        + (hostTransactions == HostTransactions.NONE ? "" : " joining host transactions")
        + (readReplica == null ? "" : " reading from " + readReplica)
        + (keys == null ? "" : " encrypting personal fields") + "]";
  }
}
