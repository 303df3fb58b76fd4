package dev.restock.jpa;

import dev.restock.jpa.config.JpaStoreConfig;

import dev.restock.jpa.bootstrap.HibernateSetup;
import dev.restock.jpa.bootstrap.HistoryMoveOver;
import dev.restock.jpa.bootstrap.Pools;
import dev.restock.jpa.bootstrap.IntegrityCheck;
import dev.restock.jpa.bootstrap.SkuClashCheck;
import dev.restock.jpa.bootstrap.StartupPhases;
import dev.restock.jpa.config.SchemaValidation;
import dev.restock.api.ops.StartupReport;
import dev.restock.jpa.config.Secrets;
import dev.restock.jpa.bootstrap.StoreOps;
import dev.restock.jpa.report.JpaReports;

import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.audit.port.out.AuditLog;
import dev.restock.api.catalog.port.out.Products;
import dev.restock.api.fleet.port.out.CabinetTypes;
import dev.restock.api.fleet.port.out.DeviceTypes;
import dev.restock.api.fleet.port.out.Devices;
import dev.restock.api.fleet.port.out.Locations;
import dev.restock.api.fleet.port.out.Routes;
import dev.restock.api.planogram.port.out.Planograms;
import dev.restock.api.planogram.port.out.SalesLedger;
import dev.restock.api.reads.port.out.MachineReads;
import dev.restock.api.spi.Store;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.api.user.port.out.Users;
import dev.restock.jpa.audit.JpaAuditHistory;
import dev.restock.jpa.catalog.JpaProducts;
import dev.restock.jpa.fleet.JpaCabinetTypes;
import dev.restock.jpa.fleet.JpaDeviceTypes;
import dev.restock.jpa.fleet.JpaDevices;
import dev.restock.jpa.fleet.JpaLocations;
import dev.restock.jpa.fleet.JpaRoutes;
import dev.restock.jpa.planogram.JpaPlanograms;
import dev.restock.jpa.planogram.JpaSalesLedger;
import dev.restock.jpa.reads.JpaMachineReads;
import dev.restock.jpa.repository.StoreContext;
import dev.restock.jpa.crypto.FieldCrypto;
import dev.restock.jpa.tx.JpaTransactions;
import dev.restock.jpa.bootstrap.ReplicaRouting;
import dev.restock.jpa.config.ReadReplica;
import dev.restock.jpa.config.ReplicaStatus;
import dev.restock.api.stability.Experimental;
import java.util.Optional;
import dev.restock.jpa.user.JpaUsers;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.hibernate.SessionFactory;

/**
 * The JPA store: Flyway-migrated schema, Hibernate with Envers history and soft delete, HikariCP
 * pools. Open it through {@link JpaStores}; it is thread-safe; close it once.
 */
public final class JpaStore implements Store {
  private final JpaStoreConfig config;
  private final Pools pools;
  private final SessionFactory sessionFactory;
  private final JpaTransactions transactions;
  private final Products products;
  private final Locations locations;
  private final Routes routes;
  private final DeviceTypes deviceTypes;
  private final CabinetTypes cabinetTypes;
  private final Devices devices;
  private final Planograms planograms;
  private final Users users;
  private final SalesLedger sales;
  private final MachineReads machineReads = new JpaMachineReads();
  private final AuditHistory history;
  private final AuditLog auditLog;
  private final dev.restock.api.report.port.out.ReportQueries reports;
  private final dev.restock.api.serviceorder.port.out.ServiceOrderStore serviceOrders;
  private final dev.restock.api.serviceorder.port.out.NumberSeries numberSeries;
  private final dev.restock.api.stock.port.out.StockLevels stock;
  private final dev.restock.api.stock.port.out.DeliveryNotes deliveryNotes;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final javax.cache.CacheManager cache;
  private final StartupReport startup;
  private final ReplicaRouting replica;
  private final dev.restock.jpa.crypto.KeyRotation keyRotation;
  private final FieldCrypto crypto;
  private volatile long sealedAtOpen;

  private JpaStore(JpaStoreConfig config, Pools pools, SessionFactory sessionFactory,
      javax.cache.CacheManager cache, StartupReport startup, ReplicaRouting replica) {
    this.cache = cache;
    this.startup = startup;
    this.config = config;
    this.pools = pools;
    this.sessionFactory = sessionFactory;
    this.replica = replica;
    this.transactions = new JpaTransactions(sessionFactory,
        pools.separateReadPool() ? pools.read() : null,
        config.database().dialect().onHostTransactions(config.hostTransactions()), replica);
    StoreContext context = new StoreContext(config.clock(), config.database().dialect(),
        FieldCrypto.of(config.keys(), config.clock(),
            dev.restock.jpa.tx.UnitOfWork::currentSession));
    this.crypto = context.crypto();
    this.history = new JpaAuditHistory(context.crypto());
    this.products = new JpaProducts(context);
    this.locations = new JpaLocations(context);
    this.routes = new JpaRoutes(context);
    this.deviceTypes = new JpaDeviceTypes(context);
    this.cabinetTypes = new JpaCabinetTypes(context);
    this.devices = new JpaDevices(context);
    this.planograms = new JpaPlanograms(context);
    this.users = new JpaUsers(context);
    this.serviceOrders = new dev.restock.jpa.serviceorder.JpaServiceOrders(context);
    this.numberSeries =
        dev.restock.jpa.serviceorder.JpaNumberSeries.on(config.database().dialect());
    this.stock = new dev.restock.jpa.stock.JpaStockLevels(context);
    this.sales = new JpaSalesLedger(context.dialect());
    this.auditLog = new dev.restock.jpa.audit.JpaAuditLog(context.dialect());
    this.reports = new JpaReports(context.dialect());
    this.deliveryNotes = new dev.restock.jpa.stock.JpaDeliveryNotes(context.dialect());
    this.keyRotation = new dev.restock.jpa.crypto.KeyRotation(pools.write(),
        config.database().dialect(), context.crypto(), transactions, auditLog, config.clock(),
        config.jdbcUrl(), () -> sessionFactory.getCache().evictAllRegions());
  }

  /**
   * Rotation of the master key of encrypted personal fields: re-encrypts every value under data
   * keys wrapped by the provider's current master key (docs/personal-data.md).
   */
  @dev.restock.api.stability.Experimental(since = "0.3")
  public dev.restock.jpa.crypto.KeyRotation keyRotation() {
    return keyRotation;
  }

  /**
   * Opens the pools, verifies per-connection settings, migrates the schema and validates the
   * mapping against it. On any failure everything opened so far is closed again.
   *
   * <p>With keys ({@link JpaStoreConfig#withKeys}) on a database that holds plain personal values
   * in its live rows (written before it had keys), the open also seals them, in one transaction
   * recorded as the revision {@code keys.seal-existing} ({@link #sealedAtOpen()} counts them;
   * docs/personal-data.md). Open the store outside any transaction of the host.
   *
   * @throws IllegalStateException with a message saying what failed and what to do
   * @throws dev.restock.jpa.crypto.DuplicatePlainEmailException when sealing finds a plain e-mail
   *     that another live user already has; nothing is written
   */
  public static JpaStore open(JpaStoreConfig config) {
    return open(config, true);
  }

  /**
   * Verifies the history chain of the database {@code config} points at, which need not be
   * opened with its keys: the chain hashes an encrypted value by its commitment, so verifying it
   * decrypts nothing (backups check a staged copy so, whatever keys the restoring tool has).
   * Opens and closes a store of its own; the schema is not migrated.
   */
  @dev.restock.api.stability.Internal(since = "0.3")
  public static dev.restock.api.audit.ChainVerification verifyChainOf(JpaStoreConfig config) {
    try (JpaStore store = open(config.withMigrateOnStart(false), false)) {
      return store.transactions().read(() -> store.history().verifyChain());
    }
  }

  /**
   * Records, in one chained revision of action {@code user.erase}, an audit event for each of
   * {@code users} whose erasure a restore carried into the database {@code config} points at
   * (a staged copy, not yet installed), so that {@code audit verify} can tell it from an
   * erasure faked behind the engine's back. Like {@link #verifyChainOf}, needs no keys and does
   * not migrate.
   *
   * @param backup the backup restored, named in each event's details
   */
  @dev.restock.api.stability.Internal(since = "0.3")
  public static void recordCarriedErasures(JpaStoreConfig config, java.util.Collection<java.util.UUID> users,
      String backup, java.time.Instant at) {
    if (users.isEmpty()) {
      return;
    }
    dev.restock.api.audit.Actor system = dev.restock.api.audit.Actor.system();
    try (JpaStore store = open(config.withMigrateOnStart(false), false)) {
      store.transactions().writeVoid(new dev.restock.api.audit.AuditContext(system, "user.erase"),
          () -> {
            for (java.util.UUID id : users) {
              store.auditLog().accept(new dev.restock.api.audit.AuditEvent(0, at,
                  system.userId(), "user.erase", "user", id,
                  java.util.Map.of("carriedByRestoreOf", backup), null, null, null));
            }
          });
    }
  }

  private static JpaStore open(JpaStoreConfig config, boolean checkKeys) {
    if (config.onHostDataSource()) {
      return openOnHost(config, checkKeys);
    }
    dev.restock.jpa.dialect.Drivers.require(config.database().dialect());
    StartupPhases phases = new StartupPhases();
    Pools pools;
    try {
      pools = phases.time(StartupPhases.POOL_OPEN, () -> Pools.open(config));
    } catch (RuntimeException e) {
      if (config.database().isDamage(e)) {
        throw IntegrityCheck.damagedOnOpen(config, e);
      }
      throw new IllegalStateException(Secrets.mask("cannot open the database "
          + config.jdbcUrl() + ": " + dev.restock.jpa.tx.Failures.rootMessage(e)
          + ". Check that it is reachable and the URL and credentials are right."),
          Secrets.scrub(e));
    }
    return open(config, pools, phases, checkKeys);
  }

  /**
   * On the host's pool: reads the URL it is on for messages and descriptions, checks that the
   * pool carries the engine's settings, then opens as on pools of the store's own. Failures
   * leave the host's pool open.
   */
  private static JpaStore openOnHost(JpaStoreConfig config, boolean checkKeys) {
    StartupPhases phases = new StartupPhases();
    long started = System.nanoTime();
    String url;
    try (java.sql.Connection c = config.dataSource().getConnection()) {
      url = c.getMetaData().getURL();
    } catch (java.sql.SQLException | RuntimeException e) {
      throw new IllegalStateException(Secrets.mask("cannot get a connection from the host's "
          + "DataSource: " + dev.restock.jpa.tx.Failures.rootMessage(e)), Secrets.scrub(e));
    }
    JpaStoreConfig onHost = url == null ? config : config.withJdbcUrl(url);
    Pools pools = Pools.host(onHost);
    phases.since(StartupPhases.POOL_OPEN, started);
    return open(onHost, pools, phases, checkKeys);
  }

  private static JpaStore open(JpaStoreConfig config, Pools pools, StartupPhases phases,
      boolean checkKeys) {
    try {
      // before migrations or anything else writes: a damaged file is refused as it was found
      if (config.integrityCheck() && config.database().integrityCheck().isPresent()) {
        phases.run(StartupPhases.INTEGRITY_CHECK, () -> IntegrityCheck.run(config, pools.read()));
      }
      boolean atExpectedVersion =
          phases.time(StartupPhases.FLYWAY, () -> migrate(config, pools));
      if (checkKeys) {
        checkKeys(config, pools);
      }
      boolean validate = config.schemaValidation() == SchemaValidation.STRICT
          || !atExpectedVersion;
      SessionFactory sessionFactory;
      javax.cache.CacheManager cache = HibernateSetup.cacheManager(config);
      try {
        sessionFactory = HibernateSetup.build(config, pools.write(), cache, validate, phases);
      } catch (RuntimeException e) {
        if (cache != null) {
          cache.close();
        }
        throw new IllegalStateException(Secrets.mask("the schema of " + config.jdbcUrl()
            + " does not match this version of Restock: "
            + dev.restock.jpa.tx.Failures.rootMessage(e)), Secrets.scrub(e));
      }
      ReplicaRouting replica = null;
      com.zaxxer.hikari.HikariDataSource replicaPool = null;
      try {
        if (config.readReplica() != null) {
          replicaPool = Pools.replica(config);
          replica = new ReplicaRouting(config.readReplica(), pools.write(), replicaPool,
              replicaPool);
        }
        JpaStore store =
            new JpaStore(config, pools, sessionFactory, cache, phases.report(), replica);
        if (checkKeys) {
          sealExisting(store);
        }
        return store;
      } catch (RuntimeException e) {
        // the replica's pool is this store's: closed with whatever else was opened
        if (replicaPool != null) {
          replicaPool.close();
        }
        sessionFactory.close();
        if (cache != null) {
          cache.close();
        }
        throw e;
      }
    } catch (RuntimeException e) {
      pools.close();
      throw e;
    }
  }

  /**
   * With keys, seals the plain personal values a database written without keys holds in its live
   * rows, as one revision in a unit of work of its own ({@link
   * dev.restock.jpa.bootstrap.SealExisting}); a failure is the caller's to close what was
   * opened. Nothing is written when there is none, or without keys, or when the store does not
   * migrate at start (then a warning names how many values are plain).
   */
  private static void sealExisting(JpaStore store) {
    store.sealedAtOpen = dev.restock.jpa.bootstrap.SealExisting.run(store.pools.write(),
        store.sessionFactory, store.config.database().dialect(), store.crypto,
        store.config.migrateOnStart(),
        // opened inside a unit of work or a host's transaction: the opener may hold locks the
        // sealing (on its own thread) would wait for, so it does not seal
        dev.restock.jpa.tx.UnitOfWork.active()
            || store.config.hostTransactions().current().isPresent());
  }

  /**
   * How many plain personal values (written before the database had keys) this store sealed
   * when it opened: 0 when there were none, or without keys (docs/personal-data.md, "Turning
   * keys on for an existing database").
   */
  @Experimental(since = "0.3")
  public long sealedAtOpen() {
    return sealedAtOpen;
  }

  /**
   * Refuses a database holding encrypted values without keys, or with keys lacking a master key
   * its data keys are wrapped under; only reads.
   */
  private static void checkKeys(JpaStoreConfig config, Pools pools) {
    try (java.sql.Connection c = pools.read().getConnection()) {
      FieldCrypto.checkOnOpen(c, config.keys(), Secrets.mask(config.jdbcUrl()));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the data keys of "
          + Secrets.mask(config.jdbcUrl()) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table in which Flyway records the engine's migrations: not Flyway's default
   * {@code flyway_schema_history}, which belongs to a host running its own Flyway in the same schema.
   */
  public static final String HISTORY_TABLE = "restock_schema_history";

  /**
   * The version Flyway records as the baseline when the engine first migrates a schema that
   * already holds someone else's tables (a host's): below V1, so all engine migrations run.
   */
  static final String BASELINE_VERSION = "0";

  /**
   * Flyway set up for this store's database: its migration locations, its schema. For the
   * migration commands; the store itself uses it at start-up.
   */
  public static Flyway flyway(JpaStoreConfig config, javax.sql.DataSource dataSource) {
    return flyway(config, Flyway.configure().dataSource(dataSource));
  }

  /** Flyway on its own connections to the database, for when no store is open. */
  public static Flyway flyway(JpaStoreConfig config) {
    return flyway(config, Flyway.configure()
        .dataSource(config.jdbcUrl(), config.user(), config.password()));
  }

  private static Flyway flyway(JpaStoreConfig config,
      org.flywaydb.core.api.configuration.FluentConfiguration configured) {
    var flyway = configured
        .locations(config.migrationLocations().toArray(String[]::new))
        .table(HISTORY_TABLE)
        // a schema shared with a host holds the host's tables before the engine's first
        // migration: Flyway refuses a non-empty schema without (our) history table unless it may
        // baseline, and a baseline below V1 leaves every engine migration to run
        .baselineOnMigrate(true)
        .baselineVersion(BASELINE_VERSION)
        .failOnMissingLocations(true)
        .callbacks(new SkuClashCheck());
    if (config.schema() != null) {
      flyway.schemas(config.schema()).defaultSchema(config.schema()).createSchemas(true);
    }
    return flyway.load();
  }

  /**
   * Checks the schema on a read connection and takes the write connection only when there is
   * something to migrate: on SQLite the write pool has one connection, and another process
   * holding the write lock must not stall a start-up that only needs to read the schema history.
   *
   * <p>A database at the expected version costs one Flyway pass (resolving the migrations and
   * reading the history once): a validation that ignores nothing succeeds only when every
   * migration of this code is applied with its checksum, none failed and none is unknown (newer).
   * Only when it does not is the history read again to say why, or to migrate.
   *
   * @return whether the schema was, as found, exactly at the latest version of this code's
   *     migrations with none pending, failed or unknown
   */
  private static boolean migrate(JpaStoreConfig config, Pools pools) {
    try {
      Flyway reading = flyway(config, pools.read());
      // a database of the old layout first: its history moves to the engine's own table
      HistoryMoveOver.run(config, reading, pools.read(), pools.write());
      Flyway strict = flyway(config, Flyway.configure().dataSource(pools.read())
          .ignoreMigrationPatterns(new String[0]));
      if (strict.validateWithResult().validationSuccessful) {
        return true;
      }
      var info = reading.info();
      refuseNewerSchema(config, info);
      if (info.pending().length == 0) {
        // what migrate checks before it finds nothing to do: the applied migrations are ours
        var validation = reading.validateWithResult();
        if (!validation.validationSuccessful) {
          throw new IllegalStateException("the schema history of " + config.jdbcUrl()
              + " does not match this version of Restock's migrations: "
              + validation.getAllErrorMessages());
        }
        return false;
      }
      if (config.migrateOnStart()) {
        flyway(config, pools.write()).migrate();
      } else {
        refuseOlderSchema(config, info);
      }
      return false;
    } catch (IllegalStateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException(Secrets.mask("migrating " + config.jdbcUrl() + " failed: "
          + dev.restock.jpa.tx.Failures.rootMessage(e)), Secrets.scrub(e));
    }
  }

  /**
   * Flyway ignores migrations it does not know by default; a schema written by a newer Restock
   * may not match this code, so the store refuses to start on it.
   */
  private static void refuseNewerSchema(JpaStoreConfig config, MigrationInfoService info) {
    var applied = info.applied();
    for (var migration : applied) {
      if (migration.getState().name().startsWith("FUTURE")) {
        throw new IllegalStateException("the database " + Secrets.mask(config.jdbcUrl())
            + " has schema version " + migration.getVersion() + ", newer than this version of "
            + "Restock supports (latest known: " + latestKnown(info)
            + "). Use the Restock release that migrated it.");
      }
    }
  }

  /** With migrations left to the operator, a database behind the code is refused. */
  private static void refuseOlderSchema(JpaStoreConfig config, MigrationInfoService info) {
    var pending = info.pending();
    if (pending.length > 0) {
      var current = info.current();
      throw new IllegalStateException("the database " + Secrets.mask(config.jdbcUrl())
          + " has schema version "
          + (current == null ? "none" : current.getVersion()) + "; this version of Restock needs "
          + latestKnown(info) + " (" + pending.length + " pending migration(s)). Run 'restock "
          + "migrate apply' (it takes a backup first), or allow migration at start-up.");
    }
  }

  private static String latestKnown(MigrationInfoService info) {
    var all = info.all();
    String latest = "none";
    for (var m : all) {
      if (!m.getState().name().startsWith("FUTURE") && m.getVersion() != null) {
        latest = m.getVersion().toString();
      }
    }
    return latest;
  }

  /**
   * The version of the latest successfully applied migration of the database {@code c} is
   * connected to (its current schema), or null when none was applied.
   */
  public static String schemaVersion(java.sql.Connection c) throws java.sql.SQLException {
    return StoreOps.schemaVersion(c);
  }



  @Override
  public String description() {
    return description(config);
  }

  /**
   * How a store on {@code config} describes itself (database, URL with credentials masked,
   * schema), also when it could not be opened: e.g. for a health report saying it is down.
   */
  public static String description(JpaStoreConfig config) {
    return "jpa-" + config.database().name().toLowerCase(java.util.Locale.ROOT) + ":"
        + Secrets.mask(config.jdbcUrl().replaceFirst("^jdbc:[a-z0-9]+:", ""))
        + (config.schema() == null ? "" : " schema " + config.schema());
  }

  @Override
  public dev.restock.api.ops.Health health() {
    if (closed.get()) {
      return new dev.restock.api.ops.Health(false, description(), java.time.Duration.ZERO, null,
          new dev.restock.api.ops.Health.PoolStatus(0, 0, 0, 0), "the store is closed");
    }
    return StoreOps.health(description(), pools);
  }

  @Override
  public dev.restock.api.ops.Statistics statistics() {
    return StoreOps.statistics(sessionFactory);
  }

  /**
   * How long opening took, phase by phase ({@link StartupPhases}): {@code pool open},
   * {@code integrity check} (when it ran), {@code flyway}, {@code hibernate metadata},
   * {@code session factory}, and {@code schema validation} when it ran (see
   * {@link SchemaValidation}). Each phase is also logged at DEBUG on
   * {@code dev.restock.jpa.startup} as it ends.
   */
  @Override
  public StartupReport startupReport() {
    return startup;
  }

  /**
   * The read replica's figures (see {@link ReadReplica}): whether it serves reads now, how far
   * behind it was last measured, and how many read-only units it served, the primary served
   * instead, and fell back to the primary after failing there. Empty without a replica.
   */
  @Experimental(since = "0.3")
  public Optional<ReplicaStatus> replica() {
    return Optional.ofNullable(replica).map(ReplicaRouting::status);
  }

  /**
   * Measures the read replica's staleness now rather than at the next read after the check
   * interval, and answers its figures; empty without a replica. For operations (a health probe
   * after maintenance) and tests.
   */
  @Experimental(since = "0.3")
  public Optional<ReplicaStatus> checkReplica() {
    return Optional.ofNullable(replica).map(ReplicaRouting::checkNow);
  }

  /** Number of JDBC statements prepared since the store opened; for diagnostics and tests. */
  public long preparedStatementCount() {
    return sessionFactory.getStatistics().getPrepareStatementCount();
  }

  @Override public TransactionBoundary transactions() { return transactions; }
  @Override public Products products() { return products; }
  @Override public Locations locations() { return locations; }
  @Override public Routes routes() { return routes; }
  @Override public DeviceTypes deviceTypes() { return deviceTypes; }
  @Override public CabinetTypes cabinetTypes() { return cabinetTypes; }
  @Override public Devices devices() { return devices; }
  @Override public Planograms planograms() { return planograms; }
  @Override public Users users() { return users; }
  @Override public SalesLedger sales() { return sales; }
  @Override public MachineReads machineReads() { return machineReads; }
  @Override public AuditHistory history() { return history; }
  @Override public AuditLog auditLog() { return auditLog; }
  @Override public dev.restock.api.report.port.out.ReportQueries reports() { return reports; }
  @Override public dev.restock.api.serviceorder.port.out.ServiceOrderStore serviceOrders() { return serviceOrders; }
  @Override public dev.restock.api.serviceorder.port.out.NumberSeries numberSeries() { return numberSeries; }
  @Override public dev.restock.api.stock.port.out.StockLevels stock() { return stock; }
  @Override public dev.restock.api.stock.port.out.DeliveryNotes deliveryNotes() { return deliveryNotes; }

  /**
   * Closes the session factory and the pools of the store's own; a host's pool stays open. An
   * in-memory H2 database opened with {@code DB_CLOSE_DELAY=-1} outlives the store (other stores
   * may share it) until shut down.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      sessionFactory.close();
    } finally {
      try {
        if (cache != null) {
          cache.close();
        }
      } finally {
        try {
          if (replica != null) {
            replica.close();
          }
        } finally {
          pools.close();
        }
      }
    }
  }
}
