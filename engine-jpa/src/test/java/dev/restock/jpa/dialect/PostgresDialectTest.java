package dev.restock.jpa.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.jpa.dialect.StoreDialect.BackupFormat;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the store does differently on PostgreSQL, as its dialect says it. */
class PostgresDialectTest {
  private final StoreDialect postgres = StoreDialect.postgresql();

  @Test
  void namesAndUrls() {
    assertThat(postgres.id()).isEqualTo("postgresql");
    assertThat(postgres.displayName()).isEqualTo("PostgreSQL");
    assertThat(postgres.productName()).isEqualTo("PostgreSQL");
    assertThat(postgres.accepts("jdbc:postgresql://127.0.0.1:5432/restock")).isTrue();
    assertThat(postgres.accepts("jdbc:postgres://127.0.0.1/restock")).isFalse();
    assertThat(postgres.migrationFolder()).isEqualTo("postgresql");
  }

  @Test
  void onePoolNoDefaultAccountAndSchemasOfItsOwn() {
    assertThat(postgres.singleWriter()).isFalse();
    assertThat(postgres.defaultPoolSize()).isEqualTo(10);
    assertThat(postgres.defaultAccount()).isEmpty();
    assertThat(postgres.supportsSchemas()).isTrue();
    assertThat(postgres.connectionSource("jdbc:postgresql://h/db", true)).isEmpty();
    assertThat(postgres.transactionalDdl()).isTrue();
  }

  @Test
  void theTableSchemaIsTheConfiguredOneElseTheUrlsElsePublic() {
    String url = "jdbc:postgresql://127.0.0.1:5432/restock";
    assertThat(postgres.tableSchema(url + "?currentSchema=from_url", "configured"))
        .contains("configured");
    assertThat(postgres.tableSchema(url + "?currentSchema=from_url", null)).contains("from_url");
    assertThat(postgres.tableSchema(url, null)).contains("public");
  }

  @Test
  void hibernateUsesItsPostgresDialect() {
    assertThat(postgres.hibernateDialect()).isEqualTo("org.hibernate.dialect.PostgreSQLDialect");
    assertThat(postgres.hibernateSettings())
        .isEqualTo(Map.of("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect"));
  }

  @Test
  void sqlFragments() {
    assertThat(postgres.forUpdateClause()).isEqualTo(" for update");
    assertThat(postgres.nextNumberSql()).contains("insert into number_series (series, "
        + "last_value) values (:s, 1) on conflict (series) do update set last_value = "
        + "number_series.last_value + 1 returning last_value");
    assertThat(postgres.regexMatch("e.name")).isEqualTo("e.name ~* :text");
  }

  @Test
  void softDeleteTimestampsAreLocalAndBackupsArePgDumps() {
    assertThat(postgres.deletedAtZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(postgres.backupFormat()).isEqualTo(BackupFormat.PG_DUMP);
    assertThat(postgres.backupFormat().extension()).isEqualTo(".pgdump");
  }

  @Test
  void theServerChecksItselfAndNoFailureIsFileDamage() {
    assertThat(postgres.integrityCheck()).isEmpty();
    assertThat(postgres.isDamage(new SQLException("x", "XX001", 11))).isFalse();
  }
}
