package dev.restock.jpa.tenant;

import dev.restock.api.error.NotFoundException;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.stability.Experimental;
import dev.restock.api.tenant.Tenant;
import dev.restock.jpa.config.JpaStoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Tenant directories on the JPA store, for {@code RestockEngine.builder().tenants(..)}: where a
 * multi-tenant engine keeps each tenant's store, and the catalogue of tenants with their
 * placements and the log of what was done to tenants as a whole.
 *
 * <p>Each tenant's storage is named after its id ({@link dev.restock.api.tenant.Tenant#ID_RULE}
 * keeps it a safe file name and SQL identifier). The catalogue is made and migrated by Flyway
 * under its own location ({@code dev/restock/tenantcatalogue/DATABASE}) and history table
 * ({@value Catalogue#HISTORY_TABLE}). Several processes may share one catalogue: adding the
 * same id twice fails with a {@link dev.restock.api.error.ConflictException} for all but one, and
 * the log's numbers have no gaps.
 *
 * <p><b>Several processes.</b> Only the catalogue's own records (adding, retiring, placing,
 * discarding a tenant, the log) are safe across processes. The engine's pause of a tenant while
 * it is moved or retired holds in one process only: while a tenant is moved or retired, no other
 * engine process may serve it (stop or drain the others first), or their writes may go to the
 * old copy or to a tenant already retired.
 *
 * <pre>{@code
 * TenantDirectory tenants = JpaTenants.sqliteFiles(Path.of("/var/lib/restock/tenants"));
 * }</pre>
 *
 * @since 0.3
 */
@Experimental(since = "0.3")
public final class JpaTenants {
  private static final Pattern MEMORY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,40}");

  private JpaTenants() {}

  /**
   * A SQLite file per tenant, {@code directory/ID.db}, and the catalogue in
   * {@code directory/tenants.db} (so {@code tenants} cannot be a tenant id); the directory is
   * created when missing. One placement, {@code local}.
   */
  public static TenantDirectory sqliteFiles(Path directory) {
    Objects.requireNonNull(directory, "directory");
    SqliteFiles storage = new SqliteFiles(directory.toAbsolutePath().normalize());
    return new JpaTenantDirectory(storage.catalogue(), storage);
  }

  /**
   * An H2 database per tenant in memory, {@code jdbc:h2:mem:NAME_ID}, and the catalogue in
   * {@code jdbc:h2:mem:NAME_tenants}; they live until the JVM ends (for tests and demos).
   * Directories of the same {@code name} in one JVM share the catalogue and the tenants. One
   * placement, {@code local}.
   *
   * @param name 1 to 41 ASCII letters, digits and {@code _}, starting with a letter
   */
  public static TenantDirectory h2InMemory(String name) {
    Objects.requireNonNull(name, "name");
    if (!MEMORY_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an in-memory directory's name is 1 to 41 ASCII "
          + "letters, digits and '_', starting with a letter; was '" + name + "'");
    }
    H2Databases storage = H2Databases.inMemory(name);
    return new JpaTenantDirectory(storage.catalogue(), storage);
  }

  /**
   * An H2 database file per tenant, {@code directory/ID.mv.db}, and the catalogue in
   * {@code directory/tenants.mv.db}; the directory is created when missing. H2 files are opened
   * by one process at a time. One placement, {@code local}.
   */
  public static TenantDirectory h2Files(Path directory) {
    Objects.requireNonNull(directory, "directory");
    H2Databases storage = H2Databases.files(directory.toAbsolutePath().normalize());
    return new JpaTenantDirectory(storage.catalogue(), storage);
  }

  /**
   * A schema per tenant, {@code tenant_ID}, in the PostgreSQL database {@code jdbcUrl}, and the
   * catalogue in the schema {@code restock_tenants} there. One placement, {@code local}. The user
   * needs the right to create schemas.
   */
  public static TenantDirectory postgresSchemas(String jdbcUrl, String user, String password) {
    return postgresShards(Map.of("local", new ShardLocation(jdbcUrl, user, password)), "local");
  }

  /**
   * {@link #postgresSchemas(String, String, String)} with each tenant's store opened on the
   * configuration {@code perTenant} makes of the tenant's own, for example with a read replica
   * serving its read-only units:
   *
   * <pre>{@code
   * JpaTenants.postgresSchemas(url, user, password,
   *     c -> c.withReadReplica(replicaUrl, null, null, Duration.ofSeconds(5)));
   * }</pre>
   *
   * <p>{@code perTenant} is called each time a tenant's store opens, with the configuration on
   * the tenant's schema; it may tune the store (pool size, replica, timeouts) but not move it: an
   * answer naming another database URL or schema, or null, fails the opening with a
   * {@link TenantDirectoryException} that says so, before anything is written. The catalogue,
   * and the copies a move makes, use the tenant's own configuration.
   *
   * @param perTenant makes a tenant's store configuration of the one on its schema
   * @since 0.3
   */
  @Experimental(since = "0.3")
  public static TenantDirectory postgresSchemas(String jdbcUrl, String user, String password,
      UnaryOperator<JpaStoreConfig> perTenant) {
    Objects.requireNonNull(perTenant, "perTenant");
    PostgresShards storage = new PostgresShards(
        Map.of("local", new ShardLocation(jdbcUrl, user, password)), "local", Clock.systemUTC());
    return new JpaTenantDirectory(storage.catalogue(), new PerTenantStorage(storage, perTenant));
  }

  /**
   * Tenants spread over several PostgreSQL databases (on one server or several), each a shard
   * and a placement named by its key; a tenant is the schema {@code tenant_ID} on its shard. The
   * catalogue, with the placement of every tenant, lives in the schema {@code restock_tenants}
   * of {@code catalogueShard}, which is also where tenants naming no placement go.
   *
   * <p>Moving a tenant ({@link TenantDirectory#copy}, then {@link TenantDirectory#place}) copies
   * its schema with the store's own backup and restore ({@code pg_dump} and {@code pg_restore}
   * must be on the path; the user needs the right to create databases on the target, where the
   * restore stages and verifies the copy); {@code place} then renames the old schema to
   * {@code tenant_ID_moved_STAMPxx} (the time to the millisecond and two random characters),
   * kept for the operator to drop. When that rename fails the move still stands: {@code place}
   * returns normally, logs at WARN and appends {@code tenant.move-cleanup-failed} to the
   * directory's log. While a tenant is moved, no other engine process may serve it: the engine's
   * pause holds in its own process only, and only the catalogue's records are safe across
   * processes; a process still serving the tenant from the old shard then fails on the renamed
   * schema.
   *
   * <p>Each shard must be a database of its own: two shards that are one database (told apart by
   * {@code pg_control_system()}'s system identifier and the database name, not by the URL) are
   * refused with a {@link TenantDirectoryException} naming both when the directory is built, or,
   * for a shard unreachable then, when it is first used. A tenant whose schema is missing on its
   * shard is never given a new empty one: opening its store fails.
   *
   * @param shards the shards by placement name (1 to 100 characters each)
   * @param catalogueShard the shard holding the catalogue, one of {@code shards}' keys
   */
  public static TenantDirectory postgresShards(Map<String, ShardLocation> shards,
      String catalogueShard) {
    return postgresShards(shards, catalogueShard, Clock.systemUTC());
  }

  /** {@link #postgresShards(Map, String)} stamping renamed schemas with {@code clock}'s time. */
  public static TenantDirectory postgresShards(Map<String, ShardLocation> shards,
      String catalogueShard, Clock clock) {
    Objects.requireNonNull(shards, "shards");
    Objects.requireNonNull(catalogueShard, "catalogueShard");
    Objects.requireNonNull(clock, "clock");
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("a directory needs at least one shard");
    }
    for (Map.Entry<String, ShardLocation> shard : shards.entrySet()) {
      Objects.requireNonNull(shard.getValue(), "shard " + shard.getKey());
      if (shard.getKey().isBlank() || shard.getKey().length() > 100) {
        throw new IllegalArgumentException("a shard name is 1 to 100 characters, was '"
            + shard.getKey() + "'");
      }
    }
    if (!shards.containsKey(catalogueShard)) {
      throw new IllegalArgumentException("the catalogue shard " + catalogueShard
          + " is not one of the shards " + shards.keySet());
    }
    PostgresShards storage = new PostgresShards(shards, catalogueShard, clock);
    return new JpaTenantDirectory(storage.catalogue(), storage);
  }

  /**
   * The store configuration of tenant {@code tenantId} where {@code directory}'s catalogue places
   * it now, active or retired: for the host's own operations on one tenant's database that need
   * no engine (migration status and apply, backup and restore with
   * {@link dev.restock.jpa.migrate.Migrations} and {@link dev.restock.jpa.backup.Backups}).
   * Opening a store on it while a multi-tenant engine serves the tenant is the caller's
   * responsibility.
   *
   * @param directory a directory made by this class
   * @throws IllegalArgumentException when {@code directory} was not made by this class
   * @throws NotFoundException when the catalogue has no tenant {@code tenantId}
   * @since 0.3
   */
  public static JpaStoreConfig storeConfig(TenantDirectory directory, String tenantId) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(tenantId, "tenantId");
    if (!(directory instanceof JpaTenantDirectory jpa)) {
      throw new IllegalArgumentException("not a tenant directory of the JPA store: "
          + directory.getClass().getName());
    }
    Tenant tenant = jpa.find(tenantId).orElseThrow(() -> new NotFoundException("tenant",
        tenantId));
    return jpa.config(tenant);
  }
}
