package dev.restock.jpa.tenant;

import dev.restock.jpa.config.JpaStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite file per tenant, {@code DIR/ID.db}, and the catalogue in {@code DIR/tenants.db}
 * (hence the id {@code tenants} is reserved). One placement, {@value #PLACEMENT}.
 */
final class SqliteFiles implements Storage {
  static final String PLACEMENT = "local";
  static final String CATALOGUE = "tenants";

  /** How long a catalogue writer waits for another process's transaction: generous. */
  private static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path dir;

  SqliteFiles(Path dir) {
    this.dir = dir;
  }

  /**
   * The catalogue's connections: WAL, foreign keys, and transactions that take the write lock
   * when they begin (IMMEDIATE), so that two processes' writes queue instead of failing on a
   * lock upgrade.
   */
  Catalogue catalogue() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TenantDirectoryException("cannot make the tenant directory " + dir + ": "
          + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + dir.resolve(CATALOGUE + ".db"));
    return new Catalogue(source, Catalogue.Kind.SQLITE, () -> { }).migrate();
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
    return Set.of(CATALOGUE);
  }

  Path file(String id) {
    return dir.resolve(TenantIds.checked(id) + ".db");
  }

  @Override
  public JpaStoreConfig config(String id, String placement) {
    return JpaStoreConfig.of("jdbc:sqlite:" + file(id), null, null);
  }

  @Override
  public void make(String id, String placement) {
    Path file = file(id);
    for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
      Path sidecar = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
        throw new TenantDirectoryException("cannot make the storage of tenant " + id + ": "
            + sidecar + " lies there already");
      }
    }
    try {
      // an empty file is an empty SQLite database; createFile refuses one that exists
      Files.createFile(file);
    } catch (IOException e) {
      throw new TenantDirectoryException("cannot make the storage of tenant " + id + " ("
          + file + "): " + e, e);
    }
  }

  @Override
  public boolean exists(String id, String placement) {
    return Files.isRegularFile(file(id), LinkOption.NOFOLLOW_LINKS);
  }

  /** Deletes the tenant's file with its {@code -wal}, {@code -shm} and {@code -journal}. */
  @Override
  public void discard(String id, String placement) {
    Path file = file(id);
    for (String suffix : new String[] {"-wal", "-shm", "-journal", ""}) {
      Path part = file.resolveSibling(file.getFileName() + suffix);
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        throw new TenantDirectoryException("cannot remove the storage of tenant " + id + " ("
            + part + "): " + e, e);
      }
    }
  }

  @Override
  public void unmake(String id, String placement) {
    Path file = file(id);
    try {
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == 0) {
        Files.delete(file);
      }
    } catch (IOException e) {
      // best effort: an empty file left behind is refused by the next add of this id
    }
  }
}
