package dev.restock.jpa.tenant;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.jpa.config.Database;
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
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 database per tenant: in memory by name ({@code jdbc:h2:mem:NAME_ID}, alive until the JVM
 * ends, for tests and demos) or in files ({@code DIR/ID.mv.db}); the catalogue is the database
 * {@code NAME_tenants} or {@code DIR/tenants.mv.db} (hence the id {@code tenants} is reserved).
 * One placement, {@value #PLACEMENT}.
 */
final class H2Databases implements Storage {
  static final String PLACEMENT = "local";

  private static final Logger LOG = LoggerFactory.getLogger(H2Databases.class);

  private final @Nullable String memoryName;
  private final @Nullable Path dir;

  private H2Databases(@Nullable String memoryName, @Nullable Path dir) {
    this.memoryName = memoryName;
    this.dir = dir;
  }

  static H2Databases inMemory(String name) {
    return new H2Databases(name, null);
  }

  static H2Databases files(Path dir) {
    return new H2Databases(null, dir);
  }

  private String url(String database) {
    if (memoryName != null) {
      return "jdbc:h2:mem:" + memoryName + "_" + database + ";DB_CLOSE_DELAY=-1";
    }
    return "jdbc:h2:file:" + dir.resolve(database).toAbsolutePath().normalize();
  }

  Catalogue catalogue() {
    if (dir != null) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new TenantDirectoryException("cannot make the tenant directory " + dir + ": "
            + e.getMessage(), e);
      }
    }
    HikariConfig hc = new HikariConfig();
    // writers of the log queue on the counter row: wait for a lock longer than H2's default
    hc.setJdbcUrl(url(SqliteFiles.CATALOGUE) + ";LOCK_TIMEOUT=30000");
    hc.setUsername("sa");
    hc.setPassword("");
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(0);
    hc.setPoolName("restock-tenants-h2");
    HikariDataSource pool = new HikariDataSource(hc);
    // as Pools.open does for a store: WRITE_DELAY 0, so a commit reaches the file before it
    // returns (the catalogue's commits survive a kill -9 of the process)
    try (Connection c = pool.getConnection()) {
      Database.ofUrl(url(SqliteFiles.CATALOGUE)).dialect().applyDatabaseSettings(c).forEach(LOG::warn);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw new IllegalStateException("cannot apply the settings Restock needs to the tenant "
          + "catalogue: " + e.getMessage(), e);
    }
    try {
      return new Catalogue(pool, Catalogue.Kind.H2, pool).migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  public Set<String> placements() {
    return Set.of(PLACEMENT);
  }

  @Override
  public String defaultPlacement() {
    return PLACEMENT;
  }

  @Override
  public Set<String> reservedIds() {
    return Set.of(SqliteFiles.CATALOGUE);
  }

  @Override
  public JpaStoreConfig config(String id, String placement) {
    return JpaStoreConfig.of(url(TenantIds.checked(id)), "sa", "");
  }

  @Override
  public void make(String id, String placement) {
    TenantIds.checked(id);
    if (dir != null && Files.exists(dir.resolve(id + ".mv.db"))) {
      throw new TenantDirectoryException("cannot make the storage of tenant " + id + ": "
          + dir.resolve(id + ".mv.db") + " exists already");
    }
    try (Connection c = DriverManager.getConnection(url(id), "sa", "");
        PreparedStatement p = c.prepareStatement("select count(*) from "
            + "information_schema.tables where table_schema = 'PUBLIC'");
        ResultSet r = p.executeQuery()) {
      r.next();
      if (r.getLong(1) > 0) {
        throw new TenantDirectoryException("cannot make the storage of tenant " + id
            + ": database " + url(id) + " exists already and holds tables");
      }
    } catch (SQLException e) {
      throw new TenantDirectoryException("cannot make the storage of tenant " + id + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * In files, whether {@code ID.mv.db} exists; in memory, whether the database is open (asked
   * with {@code IFEXISTS}, which never creates one).
   */
  @Override
  public boolean exists(String id, String placement) {
    TenantIds.checked(id);
    if (dir != null) {
      return Files.exists(dir.resolve(id + ".mv.db"));
    }
    try (Connection c = DriverManager.getConnection(url(id) + ";IFEXISTS=TRUE", "sa", "")) {
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
          || e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_NOT_FOUND_1) {
        return false;
      }
      throw new TenantDirectoryException("cannot tell whether the storage of tenant " + id
          + " exists: " + e.getMessage(), e);
    }
  }

  /**
   * Shuts the tenant's database down (in memory, that removes it) and, in files, deletes
   * {@code ID.mv.db} and {@code ID.trace.db}.
   */
  @Override
  public void discard(String id, String placement) {
    if (exists(id, placement)) {
      try (Connection c = DriverManager.getConnection(url(id) + ";IFEXISTS=TRUE", "sa", "");
          Statement s = c.createStatement()) {
        s.execute("shutdown");
      } catch (SQLException e) {
        throw new TenantDirectoryException("cannot remove the storage of tenant " + id + ": "
            + e.getMessage(), e);
      }
    }
    if (dir != null) {
      for (String suffix : new String[] {".mv.db", ".trace.db"}) {
        Path file = dir.resolve(id + suffix);
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new TenantDirectoryException("cannot remove the storage of tenant " + id + " ("
              + file + "): " + e, e);
        }
      }
    }
  }

  @Override
  public void unmake(String id, String placement) {
    try (Connection c = DriverManager.getConnection(url(id), "sa", "");
        Statement s = c.createStatement()) {
      // the database was made empty just now: shut it down (in memory, that removes it)
      s.execute("shutdown");
    } catch (SQLException e) {
      return;
    }
    if (dir != null) {
      try {
        Files.deleteIfExists(dir.resolve(id + ".mv.db"));
      } catch (IOException e) {
        // best effort: the next add of this id finds the file and is refused
      }
    }
  }
}
