package dev.restock.jpa.tenant;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.jpa.backup.BackupException;
import dev.restock.jpa.backup.BackupInfo;
import dev.restock.jpa.backup.Backups;
import dev.restock.jpa.backup.RestoreOptions;
import dev.restock.jpa.backup.RestoreResult;
import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL schema per tenant, {@code tenant_ID}, on one database or on several (shards). The
 * catalogue lives in the schema {@value Catalogue#POSTGRES_SCHEMA} of the catalogue shard.
 *
 * <p>SQL identifiers here are only ever {@code tenant_} plus an id that follows
 * {@link dev.restock.api.tenant.Tenant#ID_RULE} (checked again by {@link TenantIds}), or that
 * with a fixed suffix of digits; no value is ever spliced into SQL.
 */
final class PostgresShards implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresShards.class);
  /** To the millisecond; with {@link #SUFFIX_CHARS} random characters after it. */
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
  /**
   * Random lower-case characters ending a renamed schema's name, so that two moves of a tenant
   * off one shard within a millisecond (or by two processes) do not collide: {@code tenant_}, a
   * 30-character id, {@code _moved_}, the 17-digit stamp and these fill PostgreSQL's 63.
   */
  private static final int SUFFIX_CHARS = 2;
  private static final String SUFFIX_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final Map<String, ShardLocation> shards;
  private final String catalogueShard;
  private final java.time.Clock clock;
  /** Each checked shard's database, {@code system_identifier/database}, by placement. */
  private final Map<String, String> databases = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Checks that no two shards are the same database (a move between them would rename the only
   * copy away); a shard that cannot be reached now is checked when it is first used.
   *
   * @throws TenantDirectoryException naming both shards when two are one database
   */
  PostgresShards(Map<String, ShardLocation> shards, String catalogueShard,
      java.time.Clock clock) {
    this.shards = new TreeMap<>(shards);
    this.catalogueShard = catalogueShard;
    this.clock = clock;
    for (String placement : this.shards.keySet()) {
      try {
        checkDistinct(placement);
      } catch (Unreachable e) {
        LOG.warn("shard {} cannot be reached now ({}); whether it is a database of its own is "
            + "checked when it is first used", placement, e.getMessage());
      }
    }
  }

  /** A shard's database could not be reached to be identified. */
  private static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Identifies {@code placement}'s database (the cluster's system identifier and the database's
   * name; the URL alone does not tell, {@code localhost} and {@code 127.0.0.1} being one) and
   * refuses it when another shard is that database.
   */
  private void checkDistinct(String placement) throws Unreachable {
    if (databases.containsKey(placement)) {
      return;
    }
    ShardLocation at = shard(placement);
    String database;
    try (Connection c = DriverManager.getConnection(at.jdbcUrl(), at.user(), at.password());
        PreparedStatement p = c.prepareStatement("select system_identifier, current_database() "
            + "from pg_control_system()");
        ResultSet r = p.executeQuery()) {
      r.next();
      database = r.getLong(1) + "/" + r.getString(2);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw new Unreachable(e.getMessage(), e);
      }
      throw new TenantDirectoryException("cannot identify the database of shard " + placement
          + ": " + e.getMessage(), e);
    }
    synchronized (databases) {
      for (Map.Entry<String, String> known : databases.entrySet()) {
        if (known.getValue().equals(database) && !known.getKey().equals(placement)) {
          throw new TenantDirectoryException("shards " + known.getKey() + " and " + placement
              + " are the same database (" + database.substring(database.indexOf('/') + 1)
              + " of one server): a tenant moved between them would lose its data; give each "
              + "shard a database of its own");
        }
      }
      databases.put(placement, database);
    }
  }

  /** {@link #checkDistinct}, for a shard about to be used: unreachable is a failure now. */
  private void requireDistinct(String placement) {
    try {
      checkDistinct(placement);
    } catch (Unreachable e) {
      throw new TenantDirectoryException("shard " + placement + " cannot be reached: "
          + e.getMessage(), e.getCause());
    }
  }

  @Override
  public java.time.Clock clock() {
    return clock;
  }

  Catalogue catalogue() {
    ShardLocation at = shards.get(catalogueShard);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(at.jdbcUrl());
    hc.setUsername(at.user());
    hc.setPassword(at.password());
    hc.setSchema(Catalogue.POSTGRES_SCHEMA);
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(0);
    hc.setPoolName("restock-tenants-postgresql");
    HikariDataSource pool = new HikariDataSource(hc);
    try {
      return new Catalogue(pool, Catalogue.Kind.POSTGRESQL, pool).migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  public Set<String> placements() {
    return shards.keySet();
  }

  @Override
  public String defaultPlacement() {
    return catalogueShard;
  }

  @Override
  public JpaStoreConfig config(String id, String placement) {
    requireDistinct(placement);
    ShardLocation at = shard(placement);
    return JpaStoreConfig.of(at.jdbcUrl(), at.user(), at.password())
        .withSchema(TenantIds.schema(id));
  }

  @Override
  public void make(String id, String placement) {
    String schema = TenantIds.schema(id);
    try (Connection c = connect(placement); Statement s = c.createStatement()) {
      // without IF NOT EXISTS: a schema of that name (a leftover) is refused, never adopted
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new TenantDirectoryException("cannot make the storage of tenant " + id
          + " (schema " + schema + " on " + placement + "): " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String id, String placement) {
    try (Connection c = connect(placement);
        PreparedStatement p = c.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
      p.setString(1, TenantIds.schema(id));
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new TenantDirectoryException("cannot tell whether the storage of tenant " + id
          + " exists on " + placement + ": " + e.getMessage(), e);
    }
  }

  /** Drops the tenant's schema with everything in it. */
  @Override
  public void discard(String id, String placement) {
    String schema = TenantIds.schema(id);
    try (Connection c = connect(placement); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + schema + " cascade");
    } catch (SQLException e) {
      throw new TenantDirectoryException("cannot remove the storage of tenant " + id
          + " (schema " + schema + " on " + placement + "): " + e.getMessage(), e);
    }
  }

  @Override
  public void unmake(String id, String placement) {
    try (Connection c = connect(placement); Statement s = c.createStatement()) {
      // RESTRICT: only the empty schema just made goes
      s.execute("drop schema if exists " + TenantIds.schema(id) + " restrict");
    } catch (SQLException e) {
      LOG.warn("could not remove the empty schema {} on {} after a failed add: {}",
          TenantIds.schema(id), placement, e.getMessage());
    }
  }

  /**
   * A backup of the tenant's schema on {@code from} (pg_dump in one snapshot) restored into its
   * schema on {@code to} by the store's own restore: staged in a scratch database there, its row
   * counts and history chain verified, then installed in one transaction, replacing a leftover
   * copy of a failed move. The backup file lives in a temporary folder removed afterwards.
   */
  @Override
  public void copy(String id, String from, String to) {
    if (shards.size() < 2) {
      Storage.super.copy(id, from, to);
    }
    Path temp = null;
    try {
      temp = Files.createTempDirectory("restock-tenant-copy-");
      BackupInfo backup = Backups.backup(config(id, from), temp, clock,
          "copy of tenant " + id + " from " + from + " to " + to);
      // the backup was taken just now by this process and checked by checksum and counts: no
      // signature is needed to trust it
      RestoreResult restored = Backups.restore(backup.file(), config(id, to),
          RestoreOptions.noKey().withAllowUnsigned(true).withReplace(true));
      if (restored.chain().isEmpty() || !restored.chain().get().intact()) {
        throw new TenantDirectoryException("copy of tenant " + id + " to " + to + " is not "
            + "verified: " + restored.warnings());
      }
    } catch (BackupException e) {
      throw new TenantDirectoryException("cannot copy tenant " + id + " from " + from + " to "
          + to + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new TenantDirectoryException("cannot copy tenant " + id + ": " + e.getMessage(), e);
    } finally {
      deleteTree(temp);
    }
  }

  /**
   * Renames the old schema to {@code tenant_ID_moved_STAMPxx} (the time to the millisecond and
   * two random characters) rather than dropping it: the copy at
   * the target is the tenant's data from now on, and the directory never opens the old one
   * again; renaming makes sure nothing that still holds the old name (another process's stale
   * configuration, a script) writes there unnoticed, while the data stays for the operator to
   * drop once the move has proven itself.
   */
  @Override
  public Optional<String> left(String id, String old) {
    String schema = TenantIds.schema(id);
    String aside = schema + "_moved_" + STAMP.format(clock.instant()) + suffix();
    try (Connection c = connect(old)) {
      try (PreparedStatement p = c.prepareStatement(
          "select 1 from pg_namespace where nspname = ?")) {
        p.setString(1, schema);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("alter schema " + schema + " rename to " + aside);
      }
      return Optional.empty();
    } catch (SQLException | TenantDirectoryException e) {
      return Optional.of("schema " + schema + " on " + old + " could not be renamed to " + aside
          + ": " + e.getMessage());
    }
  }

  private static String suffix() {
    StringBuilder suffix = new StringBuilder(SUFFIX_CHARS);
    for (int i = 0; i < SUFFIX_CHARS; i++) {
      suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
    }
    return suffix.toString();
  }

  private ShardLocation shard(String placement) {
    ShardLocation at = shards.get(placement);
    if (at == null) {
      throw new IllegalArgumentException("no shard " + placement + "; shards: "
          + shards.keySet());
    }
    return at;
  }

  private Connection connect(String placement) throws SQLException {
    requireDistinct(placement);
    ShardLocation at = shard(placement);
    return DriverManager.getConnection(at.jdbcUrl(), at.user(), at.password());
  }

  private static void deleteTree(@org.jspecify.annotations.Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not remove the temporary folder {}: {}", dir, e.getMessage());
    }
  }
}
