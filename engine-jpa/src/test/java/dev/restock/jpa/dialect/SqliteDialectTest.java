package dev.restock.jpa.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.dialect.StoreDialect.BackupFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store does differently on SQLite, as its dialect says it. */
class SqliteDialectTest {
  private final StoreDialect sqlite = StoreDialect.sqlite();

  @TempDir Path dir;

  @Test
  void namesAndUrls() {
    assertThat(sqlite.id()).isEqualTo("sqlite");
    assertThat(sqlite.displayName()).isEqualTo("SQLite");
    assertThat(sqlite.productName()).isEqualTo("SQLite");
    assertThat(sqlite.accepts("jdbc:sqlite:/data/restock.db")).isTrue();
    assertThat(sqlite.accepts("JDBC:SQLITE:restock.db")).isTrue();
    assertThat(sqlite.accepts("jdbc:h2:mem:x")).isFalse();
    assertThat(sqlite.migrationFolder()).isEqualTo("sqlite");
  }

  @Test
  void oneWriterBesideAReadPoolOfFourNoAccountNoSchemas() {
    assertThat(sqlite.singleWriter()).isTrue();
    assertThat(sqlite.defaultPoolSize()).isEqualTo(4);
    assertThat(sqlite.defaultAccount()).isEmpty();
    assertThat(sqlite.supportsSchemas()).isFalse();
    assertThat(sqlite.tableSchema("jdbc:sqlite:x.db", null)).isEmpty();
    assertThat(sqlite.transactionalDdl()).isTrue();
  }

  @Test
  void hibernateUsesTheCommunityDialect() {
    assertThat(sqlite.hibernateDialect())
        .isEqualTo("org.hibernate.community.dialect.SQLiteDialect");
    assertThat(sqlite.hibernateSettings()).isEqualTo(
        Map.of("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect"));
  }

  @Test
  void sqlFragments() {
    // a write transaction (BEGIN IMMEDIATE) holds the whole database: no row locks to take
    assertThat(sqlite.forUpdateClause()).isEmpty();
    assertThat(sqlite.nextNumberSql()).contains("insert into number_series (series, last_value) "
        + "values (:s, 1) on conflict (series) do update set last_value = "
        + "number_series.last_value + 1 returning last_value");
    assertThat(sqlite.regexMatch("e.name")).isEqualTo("e.name regexp :text");
  }

  @Test
  void softDeleteTimestampsAreUtcAndBackupsAreGzippedFiles() {
    assertThat(sqlite.deletedAtZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(sqlite.backupFormat()).isEqualTo(BackupFormat.SQLITE_FILE);
    assertThat(sqlite.backupFormat().extension()).isEqualTo(".db.gz");
  }

  @Test
  void quickCheckAtStartAndCorruptOrNotADatabaseCountAsDamage() {
    assertThat(sqlite.integrityCheck()).contains("pragma quick_check");
    assertThat(sqlite.isDamage(new IllegalStateException("opening failed",
        new SQLException("database disk image is malformed", "", 11)))).isTrue();
    // an extended result code keeps the primary one in its low byte
    assertThat(sqlite.isDamage(new SQLException("not a database", "", 26 | (1 << 8)))).isTrue();
    assertThat(sqlite.isDamage(new SQLException("database is locked", "", 5))).isFalse();
    assertThat(sqlite.isDamage(new IllegalStateException("no SQL failure"))).isFalse();
  }

  @Test
  void itsConnectionsHaveEveryRequiredSettingAndTheJavaFunctions() throws SQLException {
    DataSource source = sqlite.connectionSource("jdbc:sqlite:" + dir.resolve("a.db"), false)
        .orElseThrow();
    try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
      assertThat(sqlite.connectionProblems(c)).isEmpty();
      try (ResultSet r = s.executeQuery(
          "select 'Äpfel' regexp 'äpf', lower('ÄPFEL'), 'Birnen' regexp '^a'")) {
        r.next();
        assertThat(r.getInt(1)).isEqualTo(1);
        assertThat(r.getString(2)).isEqualTo("äpfel");
        assertThat(r.getInt(3)).isZero();
      }
    }
  }

  @Test
  void theWritersConnectionsBeginImmediateTheReadersDeferred() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("b.db");
    DataSource writes = sqlite.connectionSource(url, true).orElseThrow();
    DataSource reads = sqlite.connectionSource(url, false).orElseThrow();
    try (Connection writer = writes.getConnection(); Connection reader = reads.getConnection();
        Connection other = writes.getConnection()) {
      try (Statement s = other.createStatement()) {
        s.execute("pragma busy_timeout = 0");
      }
      writer.setAutoCommit(false); // BEGIN IMMEDIATE: the write lock is taken here
      reader.setAutoCommit(false);
      try (Statement s = reader.createStatement(); ResultSet r = s.executeQuery("select 1")) {
        assertThat(r.next()).isTrue(); // a deferred reader is not held up by the writer
      }
      reader.commit();
      // a second writer cannot even begin while the first holds the lock
      assertThatThrownBy(() -> other.setAutoCommit(false))
          .isInstanceOf(SQLException.class).hasMessageContaining("SQLITE_BUSY");
      writer.rollback();
    }
  }

  @Test
  void aPlainConnectionIsReportedSettingBySetting() throws SQLException {
    try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("c.db"))) {
      assertThat(sqlite.connectionProblems(plain)).containsExactly(
          "journal_mode is delete, expected wal",
          "synchronous is 2, expected 1",
          "foreign_keys is 0, expected 1",
          "busy_timeout is 3000, expected 5000");
    }
  }
}
