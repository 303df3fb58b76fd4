package dev.restock.cli;

import dev.restock.api.Restock;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.RestockException;
import dev.restock.api.spi.TenantDirectory;
import dev.restock.api.tenant.Tenant;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.tenant.JpaTenants;
import dev.restock.jpa.tenant.TenantDirectoryException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What {@code --db} means with {@code --tenant ID}: a tenant directory. A PostgreSQL URL is a
 * database with a schema per tenant ({@code tenant_ID}, the catalogue in
 * {@code restock_tenants}); a path is a folder with a SQLite file per tenant ({@code ID.db}, the
 * catalogue in {@code tenants.db}). Only {@code restock tenant add} makes a directory's
 * catalogue; every other command refuses a directory that has none.
 */
final class TenantOption {
  private TenantOption() {}

  /** The catalogue file of a SQLite tenant directory. */
  static final String CATALOGUE_FILE = "tenants.db";

  /** The schema holding a PostgreSQL tenant directory's catalogue. */
  static final String CATALOGUE_SCHEMA = "restock_tenants";

  static final String TENANT_HELP = "Work on this tenant of the tenant directory --db names "
      + "(default: $RESTOCK_TENANT): a folder with a SQLite file per tenant, or a "
      + "postgresql:// URL with a schema per tenant. 'restock tenant list' shows the tenants.";

  /** Whether {@code db} is a {@code postgresql://} or {@code jdbc:postgresql:} URL. */
  static boolean postgres(String db) {
    String text = db.strip();
    return text.startsWith("postgresql://") || text.startsWith("postgres://")
        || text.startsWith("jdbc:postgresql:");
  }

  /**
   * The tenant directory {@code db} names, for a command with {@code --tenant}.
   *
   * @param create whether a missing catalogue may be made ({@code tenant add} only)
   */
  static TenantDirectory directory(String db, boolean create) {
    if (DatabaseOption.MEMORY.equals(db)) {
      throw new RestockCli.UsageException("--db memory with tenants: a tenant directory must "
          + "outlive the command (nothing would persist); give a folder or a postgresql:// URL");
    }
    if (postgres(db)) {
      JpaStoreConfig config = DatabaseOption.config(db);
      if (!create && !catalogueSchemaExists(config)) {
        throw new MissingDirectoryException(db);
      }
      try {
        // a user or password left in the URL's query: the driver takes it from there
        return JpaTenants.postgresSchemas(config.jdbcUrl(),
            config.user() == null ? "" : config.user(),
            config.password() == null ? "" : config.password());
      } catch (IllegalArgumentException e) {
        throw new RestockCli.UsageException("--db: " + e.getMessage());
      }
    }
    if (db.strip().startsWith("jdbc:")) {
      throw new RestockCli.UsageException("--db " + db + ": with tenants, --db names a tenant "
          + "directory: a folder (a SQLite file per tenant) or a postgresql:// URL (a schema "
          + "per tenant)");
    }
    Path dir = Path.of(db);
    if (Files.isRegularFile(dir)) {
      throw new RestockCli.UsageException("--db " + db + " is a database file; with --tenant, "
          + "--db names a tenant directory (a folder holding " + CATALOGUE_FILE
          + " and a file per tenant): drop --tenant to use this file");
    }
    if (!create && !Files.isRegularFile(dir.resolve(CATALOGUE_FILE))) {
      throw new MissingDirectoryException(db);
    }
    return JpaTenants.sqliteFiles(dir);
  }

  /**
   * Refuses a tenant directory given without {@code --tenant}: a folder holding the catalogue
   * file (SQLite would otherwise fail on a folder with a puzzling message).
   */
  static void refuseDirectoryWithoutTenant(String db) {
    if (DatabaseOption.MEMORY.equals(db) || db.strip().startsWith("jdbc:") || postgres(db)) {
      return;
    }
    Path dir = Path.of(db);
    if (Files.isDirectory(dir)) {
      throw new RestockCli.UsageException("--db " + db + (Files.isRegularFile(
          dir.resolve(CATALOGUE_FILE)) ? " is a tenant directory: add --tenant ID ('restock "
              + "tenant list --db " + db + "' lists the tenants)"
              : " is a folder, not a database file"));
    }
  }

  /** The id checked against the rule, as bad input. */
  static String checkedId(String id) {
    if (!Tenant.isValidId(id)) {
      throw new RestockCli.UsageException("--tenant '" + id + "': a tenant id is "
          + Tenant.ID_RULE);
    }
    return id;
  }

  /** The active tenant {@code id} of {@code directory}; unknown and retired ones refused. */
  static Tenant active(TenantDirectory directory, String db, String id) {
    Tenant tenant = known(directory, db, id);
    if (!tenant.active()) {
      throw new IllegalStateTransitionException("tenant '" + id + "' is retired (since "
          + tenant.retiredAt() + "); its data is kept, but no command works on it");
    }
    return tenant;
  }

  /** The tenant {@code id} of {@code directory}, active or retired; an unknown one refused. */
  static Tenant known(TenantDirectory directory, String db, String id) {
    checkedId(id);
    return directory.find(id).orElseThrow(() -> new NotFoundException("tenant", id + " (not in "
        + "the tenant directory " + db + "; 'restock tenant list --db " + db
        + "' lists the tenants)"));
  }

  /**
   * The tenant's engine of the multi-tenant {@code engine}, closing {@code engine} when it is
   * closed itself (the tenant's own engine is closed with it).
   */
  static Restock scoped(Restock engine, String id) {
    Restock tenant = engine.tenant(id);
    return (Restock) Proxy.newProxyInstance(Restock.class.getClassLoader(),
        new Class<?>[] {Restock.class}, (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            engine.close();
            return null;
          }
          try {
            return method.invoke(tenant, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Whether the PostgreSQL database holds a tenant catalogue; read with a bound parameter. */
  private static boolean catalogueSchemaExists(JpaStoreConfig config) {
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
        config.password());
        PreparedStatement s = c.prepareStatement(
            "select 1 from information_schema.schemata where schema_name = ?")) {
      s.setString(1, CATALOGUE_SCHEMA);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new TenantDirectoryException("cannot reach the tenant directory at "
          + db(config) + ": " + e.getMessage(), e);
    }
  }

  private static String db(JpaStoreConfig config) {
    return dev.restock.jpa.config.Secrets.mask(config.jdbcUrl());
  }

  /** {@code --tenant} was given with a {@code --db} that holds no tenant catalogue. */
  static final class MissingDirectoryException extends RestockException {
    private static final long serialVersionUID = 1L;

    MissingDirectoryException(String db) {
      super("no tenant directory at " + db + " (make one with its first tenant: 'restock "
          + "tenant add ID --name NAME --db " + db + "')");
    }
  }
}
