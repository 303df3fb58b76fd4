package dev.restock.jpa.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * H2, in memory or in a file: one pool, row locks with {@code for update}, Java regular
 * expressions through {@code regexp_like}. It has no upsert that returns a value, and it commits
 * DDL statement by statement.
 */
final class H2Dialect implements StoreDialect {
  static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override public String id() { return "h2"; }
  @Override public String displayName() { return "H2"; }
  @Override public String productName() { return "H2"; }
  @Override public String jdbcUrlPrefix() { return "jdbc:h2:"; }
  @Override public int defaultPoolSize() { return 10; }

  /** H2's own default account. */
  @Override
  public Optional<Account> defaultAccount() {
    return Optional.of(new Account("sa", ""));
  }

  @Override public boolean supportsSchemas() { return false; }

  @Override
  public Optional<String> tableSchema(String jdbcUrl, String configuredSchema) {
    return Optional.empty();
  }

  @Override public String migrationFolder() { return "h2"; }
  @Override public boolean transactionalDdl() { return false; }
  @Override public boolean singleWriter() { return false; }
  @Override public boolean locksOnlyInProcess() { return true; }

  @Override
  public Optional<DataSource> connectionSource(String jdbcUrl, boolean writes) {
    return Optional.empty();
  }

  /** H2's {@code ErrorCode.ADMIN_RIGHTS_REQUIRED}. */
  private static final int ADMIN_RIGHTS_REQUIRED = 90040;

  private static final String WRITE_DELAY = "select setting_value from information_schema.settings"
      + " where setting_name = 'WRITE_DELAY'";

  /**
   * H2's MVStore keeps commits in memory and writes them to the file up to {@code WRITE_DELAY}
   * (500 ms) later, so a kill -9 lost commits the caller had been told of (an erasure reported
   * done came back, see ErasureKillContractTest). With 0 every commit is written to the file
   * before it returns, so it survives a killed process; H2 does not fsync each commit, so this
   * is no protection against power loss. The setting belongs to the database and persists in it, and only an admin
   * may set it: without the right, the answer is a warning and the store opens all the same.
   */
  @Override
  public List<String> applyDatabaseSettings(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
      return List.of();
    } catch (SQLException e) {
      if (e.getErrorCode() != ADMIN_RIGHTS_REQUIRED) {
        throw e;
      }
      return List.of("cannot set WRITE_DELAY 0 on the H2 database (" + writeDelay(connection)
          + " ms now): the user has no admin rights, so commits of the last moments before the "
          + "process is killed (kill -9) may be lost although they were reported done; run "
          + "SET WRITE_DELAY 0 once as an admin");
    }
  }

  /** A host's H2 database that writes commits to its file late: a warning, not a refusal. */
  @Override
  public List<String> hostPoolWarnings(Connection connection) throws SQLException {
    String delay = writeDelay(connection);
    if ("0".equals(delay)) {
      return List.of();
    }
    return List.of("the H2 database has WRITE_DELAY " + delay + " (ms), not 0: commits of the "
        + "last moments before the process is killed (kill -9) may be lost although they were "
        + "reported done; run SET WRITE_DELAY 0 once as an admin (it persists in the database)");
  }

  private static String writeDelay(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(WRITE_DELAY)) {
      return r.next() ? r.getString(1) : "unknown";
    }
  }

  @Override
  public List<String> connectionProblems(Connection connection) {
    return List.of();
  }

  @Override public Optional<String> integrityCheck() { return Optional.empty(); }
  @Override public boolean isDamage(Throwable failure) { return false; }
  @Override public String hibernateDialect() { return "org.hibernate.dialect.H2Dialect"; }

  @Override public String forUpdateClause() { return " for update"; }

  /**
   * Empty: H2 has no upsert that returns a value, and concurrent {@code MERGE}s of a new key
   * collide.
   */
  @Override
  public Optional<String> nextNumberSql() {
    return Optional.empty();
  }

  /** {@code regexp_like(..., 'i')}: a Java regular expression, ignoring case. */
  @Override
  public String regexMatch(String expression) {
    return "regexp_like(" + expression + ", :text, 'i')";
  }

  @Override public ZoneId deletedAtZone() { return ZoneId.systemDefault(); }
  @Override public BackupFormat backupFormat() { return BackupFormat.SQL_SCRIPT; }

  @Override
  public String toString() {
    return displayName();
  }

  @Override
  public List<String> flywayHistoryTableDdl(String table, String pk, String index,
      String qualifiedIndex) {
    return List.of("create table " + table + " (\"installed_rank\" INT NOT NULL,"
        + " \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL,"
        + " \"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL,"
        + " \"checksum\" INT, \"installed_by\" VARCHAR(100) NOT NULL,"
        + " \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,"
        + " \"execution_time\" INT NOT NULL, \"success\" BOOLEAN NOT NULL,"
        + " constraint " + pk + " primary key (\"installed_rank\"))",
        "create index " + qualifiedIndex + " on " + table + " (\"success\")");
  }
}
