package dev.restock.jpa.dialect;

import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * The sqlite-jdbc set-up of a SQLite connection. Apart from {@link SqliteDialect} so that the
 * driver's classes load only when a SQLite store opens: a host on H2 or PostgreSQL need not ship
 * sqlite-jdbc.
 */
final class SqliteConnections {
  private SqliteConnections() {}

  static DataSource dataSource(String jdbcUrl, boolean writes) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(SqliteDialect.BUSY_TIMEOUT_MS);
    // deleted content (an erased subject's wrapped data keys, the old email's equality index
    // entry) is overwritten with zeros instead of lingering in free pages of the file
    sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    sqlite.setTransactionMode(writes ? SQLiteConfig.TransactionMode.IMMEDIATE
        : SQLiteConfig.TransactionMode.DEFERRED);
    SqliteFunctions source = new SqliteFunctions(sqlite);
    source.setUrl(jdbcUrl);
    return source;
  }
}
