package dev.restock.jpa.dialect;

import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A PostgreSQL server: one pool, row locks with {@code for update}, an upsert that returns the
 * next number, POSIX regular expressions with {@code ~*}, a schema of the store's own when
 * one is configured, and text sort keys collated by code point whatever the database's collation
 * (the HQL ones through {@code ucs_basic}, which exists in UTF-8 databases).
 */
final class PostgresDialect implements StoreDialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override public String id() { return "postgresql"; }
  @Override public String displayName() { return "PostgreSQL"; }
  @Override public String productName() { return "PostgreSQL"; }
  @Override public String jdbcUrlPrefix() { return "jdbc:postgresql:"; }
  @Override public int defaultPoolSize() { return 10; }
  @Override public Optional<Account> defaultAccount() { return Optional.empty(); }
  @Override public boolean supportsSchemas() { return true; }

  /** The configured schema, else the URL's {@code currentSchema}, else {@code public}. */
  @Override
  public Optional<String> tableSchema(String jdbcUrl, String configuredSchema) {
    if (configuredSchema != null) {
      return Optional.of(configuredSchema);
    }
    Properties url = org.postgresql.Driver.parseURL(jdbcUrl, null);
    String current = url == null ? null : url.getProperty("currentSchema");
    return Optional.of(current == null ? "public" : current);
  }

  @Override public String migrationFolder() { return "postgresql"; }
  @Override public boolean transactionalDdl() { return true; }
  @Override public boolean singleWriter() { return false; }

  @Override
  public Optional<DataSource> connectionSource(String jdbcUrl, boolean writes) {
    return Optional.empty();
  }

  @Override
  public List<String> connectionProblems(Connection connection) {
    return List.of();
  }

  @Override public Optional<String> integrityCheck() { return Optional.empty(); }
  @Override public boolean isDamage(Throwable failure) { return false; }

  @Override
  public String hibernateDialect() {
    return "org.hibernate.dialect.PostgreSQLDialect";
  }

  @Override public String forUpdateClause() { return " for update"; }

  @Override
  public Optional<String> nextNumberSql() {
    return Optional.of(Sql.UPSERT_NEXT_NUMBER);
  }

  /** {@code ~*}: a POSIX regular expression, ignoring case. */
  @Override
  public String regexMatch(String expression) {
    return expression + " ~* :text";
  }

  /**
   * {@code collate "C"}: byte order of UTF-8, which is code-point order, whatever the database's
   * default collation (an ICU or libc {@code en_US} one sorts {@code apple} before {@code Apple}).
   */
  @Override
  public String textSortKey(String expression) {
    return expression + " collate \"C\"";
  }

  /**
   * HQL's {@code collate()} with {@code ucs_basic}, PostgreSQL's code-point collation of UTF-8
   * databases (HQL takes a collation name only as an unquoted identifier, which {@code "C"} is
   * not).
   */
  @Override
  public String hqlTextSortKey(String path) {
    return "collate(" + path + " as ucs_basic)";
  }

  @Override public ZoneId deletedAtZone() { return ZoneId.systemDefault(); }
  @Override public BackupFormat backupFormat() { return BackupFormat.PG_DUMP; }

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
        + " \"checksum\" INTEGER, \"installed_by\" VARCHAR(100) NOT NULL,"
        + " \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),"
        + " \"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL)",
        "alter table " + table + " add constraint " + pk + " primary key (\"installed_rank\")",
        "create index " + index + " on " + table + " (\"success\")");
  }

  @Override
  public void beginExclusive(java.sql.Connection c, long key) throws java.sql.SQLException {
    c.setAutoCommit(false);
    try (java.sql.PreparedStatement p = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      p.setLong(1, key);
      p.execute();
    }
  }

  @Override
  public void lockInTransaction(java.sql.Connection c, long key) throws java.sql.SQLException {
    try (java.sql.PreparedStatement p = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      p.setLong(1, key);
      p.execute();
    }
  }

  @Override
  public Optional<String> lockTableExclusive(String qualifiedTable) {
    return Optional.of("lock table " + qualifiedTable + " in exclusive mode");
  }
}
