package dev.restock.jpa.dialect;

import java.sql.Connection;
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

  @Override
  public Optional<DataSource> connectionSource(String jdbcUrl, boolean writes) {
    return Optional.empty();
  }

  /**
   * H2's MVStore keeps commits in memory and writes them to the file up to {@code WRITE_DELAY}
   * (500 ms) later, so a kill -9 lost commits the caller had been told of (an erasure reported
   * done came back, see ErasureKillContractTest). With 0 every commit is written to the file
   * before it returns. The setting is per database; an H2 user without admin rights cannot set it.
   */
  @Override
  public Optional<String> connectionInitSql() {
    return Optional.of("SET WRITE_DELAY 0");
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
