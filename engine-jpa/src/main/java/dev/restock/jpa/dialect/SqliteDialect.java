package dev.restock.jpa.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQLite: one file, one writer at a time. Writes go through one connection whose transactions
 * begin IMMEDIATE (writers queue for the lock up front instead of deadlocking on an upgrade),
 * reads through a pool whose transactions begin DEFERRED (readers never wait for the writer).
 * Every connection runs in WAL mode with foreign keys on and a busy timeout, set through the
 * driver's configuration (sqlite-jdbc runs only the first statement of an init string) and read
 * back at start.
 */
final class SqliteDialect implements StoreDialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  /** How long a connection waits for a lock before failing with SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MS = 5000;

  /** Per-connection settings the store relies on, as {@code PRAGMA} reads them back. */
  static final Map<String, String> PRAGMAS = pragmas();

  private static Map<String, String> pragmas() {
    Map<String, String> pragmas = new LinkedHashMap<>();
    pragmas.put("journal_mode", "wal");
    pragmas.put("synchronous", "1"); // NORMAL: safe in WAL mode, a commit costs no fsync
    pragmas.put("foreign_keys", "1");
    pragmas.put("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
    return java.util.Collections.unmodifiableMap(pragmas);
  }

  private SqliteDialect() {}

  @Override public String id() { return "sqlite"; }
  @Override public String displayName() { return "SQLite"; }
  @Override public String productName() { return "SQLite"; }
  @Override public String jdbcUrlPrefix() { return "jdbc:sqlite:"; }

  /** The read pool's size; writes have their one connection besides. */
  @Override public int defaultPoolSize() { return 4; }

  @Override public Optional<Account> defaultAccount() { return Optional.empty(); }
  @Override public boolean supportsSchemas() { return false; }

  @Override
  public Optional<String> tableSchema(String jdbcUrl, String configuredSchema) {
    return Optional.empty();
  }

  @Override public String migrationFolder() { return "sqlite"; }
  @Override public boolean transactionalDdl() { return true; }
  @Override public boolean singleWriter() { return true; }

  @Override
  public Optional<DataSource> connectionSource(String jdbcUrl, boolean writes) {
    return Optional.of(SqliteConnections.dataSource(jdbcUrl, writes));
  }

  @Override
  public List<String> connectionProblems(Connection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (Map.Entry<String, String> pragma : PRAGMAS.entrySet()) {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma.getKey())) {
          String actual = rs.next() ? rs.getString(1) : null;
          if (!pragma.getValue().equalsIgnoreCase(actual)) {
            problems.add(pragma.getKey() + " is " + actual + ", expected " + pragma.getValue());
          }
        }
      }
    }
    return problems;
  }

  @Override public Optional<String> integrityCheck() { return Optional.of("pragma quick_check"); }

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  @Override
  public boolean isDamage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        int primary = sql.getErrorCode() & 0xff; // extended result codes keep it in the low byte
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
          return true;
        }
      }
    }
    return false;
  }

  /** The community dialect: Hibernate's CI does not test it, its issues are ours (PITFALLS). */
  @Override
  public String hibernateDialect() {
    return "org.hibernate.community.dialect.SQLiteDialect";
  }

  @Override public String forUpdateClause() { return ""; }

  @Override
  public Optional<String> nextNumberSql() {
    return Optional.of(Sql.UPSERT_NEXT_NUMBER);
  }

  /** The {@code REGEXP} operator, backed by the Java function every connection registers. */
  @Override
  public String regexMatch(String expression) {
    return expression + " regexp :text";
  }

  @Override public ZoneId deletedAtZone() { return ZoneOffset.UTC; }
  @Override public BackupFormat backupFormat() { return BackupFormat.SQLITE_FILE; }

  @Override
  public String toString() {
    return displayName();
  }

  @Override
  public List<String> flywayHistoryTableDdl(String table, String pk, String index,
      String qualifiedIndex) {
    return List.of("create table " + table + " (\"installed_rank\" INT NOT NULL PRIMARY"
        + " KEY, \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL,"
        + " \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL,"
        + " \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
        + " \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
        + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL)",
        "create index " + index + " on " + table + " (\"success\")");
  }

  @Override
  public void beginExclusive(java.sql.Connection c, long key) throws java.sql.SQLException {
    // the write lock up front, whatever mode the connection begins its transactions in
    c.setAutoCommit(true);
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("begin immediate");
    }
  }

  @Override
  public void endExclusive(java.sql.Connection c, boolean commit) throws java.sql.SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute(commit ? "commit" : "rollback");
    }
  }

  private static final int HOST_BUSY_TIMEOUT_MS = 5000;

  @Override
  public javax.sql.DataSource onHostPool(javax.sql.DataSource host) {
    return SqliteFunctions.onEveryConnection(host);
  }

  @Override
  public dev.restock.jpa.tx.HostTransactions onHostTransactions(
      dev.restock.jpa.tx.HostTransactions host) {
    return SqliteFunctions.onEveryConnection(host);
  }

  @Override
  public String hostPoolAdvice() {
    return "Set them as driver properties of the pool (HikariCP: dataSourceProperties, in Spring "
        + "Boot spring.datasource.hikari.data-source-properties.<name>=<value>; or on the "
        + "driver's SQLiteConfig, or as parameters of the jdbc:sqlite: URL)";
  }

  @Override
  public List<String> hostPoolProblems(java.sql.Connection c) throws java.sql.SQLException {
    List<String> problems = new ArrayList<>();
    try (java.sql.Statement s = c.createStatement()) {
      hostProblems(c, s, problems);
    }
    return problems;
  }

  private static void hostProblems(java.sql.Connection c, java.sql.Statement s,
      List<String> problems) throws java.sql.SQLException {
    String journal = pragma(s, "journal_mode");
    if (!"wal".equalsIgnoreCase(journal)) {
      problems.add("journal_mode is " + journal + ", must be WAL (journal_mode=WAL)");
    }
    String synchronous = pragma(s, "synchronous");
    if (!"1".equals(synchronous)) {
      problems.add("synchronous is " + synchronous + " (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA), must "
          + "be NORMAL (synchronous=NORMAL)");
    }
    String foreignKeys = pragma(s, "foreign_keys");
    if (!"1".equals(foreignKeys)) {
      problems.add("foreign_keys is off, must be on (foreign_keys=true)");
    }
    String busy = pragma(s, "busy_timeout");
    if (busy == null || Long.parseLong(busy) < HOST_BUSY_TIMEOUT_MS) {
      problems.add("busy_timeout is " + busy + " ms, must be at least " + HOST_BUSY_TIMEOUT_MS
          + " (busy_timeout=" + HOST_BUSY_TIMEOUT_MS + ")");
    }
    if (!c.isWrapperFor(org.sqlite.SQLiteConnection.class)) {
      problems.add("the pool's connections are not sqlite-jdbc's, so their transaction mode "
          + "cannot be checked; use org.xerial:sqlite-jdbc");
      return;
    }
    org.sqlite.SQLiteConfig.TransactionMode mode = c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig()
        .getTransactionMode();
    if (mode != org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE) {
      problems.add("transactions begin " + mode + ", must begin IMMEDIATE so that writers queue "
          + "for the lock up front (transaction_mode=IMMEDIATE)");
    }
  }

  private static String pragma(java.sql.Statement s, String name)
      throws java.sql.SQLException {
    try (java.sql.ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

}
