package dev.restock.jpa.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.jpa.dialect.StoreDialect.Account;
import dev.restock.jpa.dialect.StoreDialect.BackupFormat;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneId;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.config.JpaStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store does differently on H2, as its dialect says it. */
class H2DialectTest {
  private final StoreDialect h2 = StoreDialect.h2();

  @Test
  void namesAndUrls() {
    assertThat(h2.id()).isEqualTo("h2");
    assertThat(h2.displayName()).isEqualTo("H2");
    assertThat(h2.productName()).isEqualTo("H2");
    assertThat(h2.accepts("jdbc:h2:mem:restock;DB_CLOSE_DELAY=-1")).isTrue();
    assertThat(h2.accepts("jdbc:h2:file:/data/restock")).isTrue();
    assertThat(h2.accepts("jdbc:postgresql://h/db")).isFalse();
    assertThat(h2.migrationFolder()).isEqualTo("h2");
  }

  @Test
  void onePoolTheDefaultAccountSaAndNoSchemas() {
    assertThat(h2.singleWriter()).isFalse();
    assertThat(h2.defaultPoolSize()).isEqualTo(10);
    assertThat(h2.defaultAccount()).contains(new Account("sa", ""));
    assertThat(h2.supportsSchemas()).isFalse();
    assertThat(h2.tableSchema("jdbc:h2:mem:x", null)).isEmpty();
    assertThat(h2.connectionSource("jdbc:h2:mem:x", true)).isEmpty();
  }

  /**
   * With H2's default delay of 500 ms a kill -9 undid commits already reported, an erasure among
   * them (the kill test: ErasureKillContractTest); the store's pool writes each commit at once.
   */
  @Test
  void aStoreOnAnH2FileWritesEachCommitToTheFileBeforeItReturns(@TempDir Path dir)
      throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("restock");
    try (JpaStore store = JpaStore.open(JpaStoreConfig.of(url, "sa", ""));
        Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet r = c.createStatement().executeQuery("select setting_value from "
            + "information_schema.settings where setting_name = 'WRITE_DELAY'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("0");
    }
  }

  /**
   * WRITE_DELAY belongs to the database and only an admin may set it: a store whose user lacks
   * the right opens all the same (a per-connection init statement failed every connection), and
   * the dialect says why commits may be lost.
   */
  @Test
  void aStoreWhoseUserMayNotSetTheWriteDelayOpensWithAWarning(@TempDir Path dir)
      throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("restock");
    JpaStore.open(JpaStoreConfig.of(url, "sa", "")).close();
    try (Connection admin = DriverManager.getConnection(url, "sa", "")) {
      admin.createStatement().execute("SET WRITE_DELAY 500");
      admin.createStatement().execute("create user clerk password 'pw'");
      admin.createStatement().execute(
          "grant select, insert, update, delete on schema public to clerk");
    }
    try (Connection clerk = DriverManager.getConnection(url, "clerk", "pw")) {
      assertThat(h2.applyDatabaseSettings(clerk)).singleElement().asString()
          .contains("WRITE_DELAY").contains("500").contains("may be lost");
    }
    try (JpaStore store = JpaStore.open(
        JpaStoreConfig.of(url, "clerk", "pw").withMigrateOnStart(false))) {
      assertThat(store).isNotNull();
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        ResultSet r = c.createStatement().executeQuery("select setting_value from "
            + "information_schema.settings where setting_name = 'WRITE_DELAY'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("500");
    }
  }

  /** A host's H2 pool with a write delay is named in a warning, and the store opens on it. */
  @Test
  void aHostPoolWithAWriteDelayIsWarnedOfNotRefused(@TempDir Path dir) throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("host");
    org.h2.jdbcx.JdbcDataSource host = new org.h2.jdbcx.JdbcDataSource();
    host.setURL(url);
    host.setUser("sa");
    host.setPassword("");
    try (Connection c = host.getConnection()) {
      c.createStatement().execute("SET WRITE_DELAY 500");
      assertThat(h2.hostPoolWarnings(c)).singleElement().asString()
          .contains("WRITE_DELAY 500").contains("may be lost");
      try (JpaStore store = JpaStore.open(JpaStoreConfig.of(host,
          dev.restock.jpa.config.Database.of(host)))) {
        assertThat(store).isNotNull();
      }
      c.createStatement().execute("SET WRITE_DELAY 0");
      assertThat(h2.hostPoolWarnings(c)).isEmpty();
    }
  }

  @Test
  void ddlIsCommittedStatementByStatement() {
    assertThat(h2.transactionalDdl()).isFalse();
  }

  @Test
  void hibernateUsesItsH2Dialect() {
    assertThat(h2.hibernateDialect()).isEqualTo("org.hibernate.dialect.H2Dialect");
    assertThat(h2.hibernateSettings())
        .isEqualTo(Map.of("hibernate.dialect", "org.hibernate.dialect.H2Dialect"));
  }

  @Test
  void sqlFragments() {
    assertThat(h2.forUpdateClause()).isEqualTo(" for update");
    // no upsert that returns a value: the number series increments or inserts instead
    assertThat(h2.nextNumberSql()).isEmpty();
    assertThat(h2.regexMatch("e.name")).isEqualTo("regexp_like(e.name, :text, 'i')");
  }

  @Test
  void softDeleteTimestampsAreLocalAndBackupsAreScripts() {
    assertThat(h2.deletedAtZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(h2.backupFormat()).isEqualTo(BackupFormat.SQL_SCRIPT);
    assertThat(h2.backupFormat().extension()).isEqualTo(".sql.gz");
  }

  @Test
  void nothingToCheckAtStartAndNoFailureIsFileDamage() throws SQLException {
    assertThat(h2.integrityCheck()).isEmpty();
    // 11 is SQLite's SQLITE_CORRUPT; on H2 it means nothing of the kind
    assertThat(h2.isDamage(new SQLException("x", "", 11))).isFalse();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dialect", "sa", "")) {
      assertThat(h2.connectionProblems(c)).isEmpty();
    }
  }
}
