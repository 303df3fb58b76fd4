package dev.restock.jpa.config;

/**
 * The database failed its integrity check at start ({@code pragma quick_check} on SQLite), so
 * the store refused to open it: writing to a damaged file spreads the damage, and later reads
 * fail with confusing errors. Nothing was written. The message names the database and the first
 * problems found; restore a backup, or repair the file and open it again.
 */
public final class DamagedDatabaseException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public DamagedDatabaseException(String message) {
    super(message);
  }

  public DamagedDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
