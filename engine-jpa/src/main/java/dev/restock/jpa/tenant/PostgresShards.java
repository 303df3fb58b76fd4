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
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final Map<String, ShardLocation> shards;
  private final String catalogueShard;
  private final java.time.Clock clock;

  PostgresShards(Map<String, ShardLocation> shards, String catalogueShard,
      java.time.Clock clock) {
    this.shards = new TreeMap<>(shards);
    this.catalogueShard = catalogueShard;
    this.clock = clock;
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
   * Renames the old schema to {@code tenant_ID_moved_STAMP} rather than dropping it: the copy at
   * the target is the tenant's data from now on, and the directory never opens the old one
   * again; renaming makes sure nothing that still holds the old name (another process's stale
   * configuration, a script) writes there unnoticed, while the data stays for the operator to
   * drop once the move has proven itself.
   */
  @Override
  public void left(String id, String old) {
    String schema = TenantIds.schema(id);
    String aside = schema + "_moved_" + STAMP.format(clock.instant());
    try (Connection c = connect(old)) {
      try (PreparedStatement p = c.prepareStatement(
          "select 1 from pg_namespace where nspname = ?")) {
        p.setString(1, schema);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("alter schema " + schema + " rename to " + aside);
      }
    } catch (SQLException e) {
      LOG.warn("tenant {} moved off {}, but its old schema {} there could not be renamed to {}:"
          + " {}", id, old, schema, aside, e.getMessage());
    }
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
