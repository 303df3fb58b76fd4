package dev.restock.jpa;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JpaStoreConfigTest {

  @Test
  void nothingConfiguredMeansTheSqliteFileWithDocumentedDefaults() {
    JpaStoreConfig config = JpaStoreConfig.from(Map.of(), Map.of());

    assertThat(config.database()).isEqualTo(Database.SQLITE);
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:sqlite:./restock.db");
    assertThat(config.maxPoolSize()).isEqualTo(Database.SQLITE.defaultPoolSize());
    assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.slowQueryThreshold()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.leakDetectionThreshold()).isZero();
  }

  @Test
  void environmentVariablesWinOverProperties() {
    JpaStoreConfig config = JpaStoreConfig.from(
        Map.of("restock.db.url", "jdbc:h2:mem:x", "restock.db.pool-size", "3"),
        Map.of("RESTOCK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test",
            "RESTOCK_DB_USER", "postgres", "RESTOCK_DB_SCHEMA", "ops",
            "RESTOCK_DB_SLOW_QUERY_MS", "50", "RESTOCK_DB_LEAK_DETECTION_MS", "5000"));

    assertThat(config.database()).isEqualTo(Database.POSTGRESQL);
    assertThat(config.user()).isEqualTo("postgres");
    assertThat(config.schema()).isEqualTo("ops");
    assertThat(config.maxPoolSize()).isEqualTo(3);
    assertThat(config.slowQueryThreshold()).isEqualTo(Duration.ofMillis(50));
    assertThat(config.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.toString()).doesNotContain("password");
  }

  @Test
  void aPlainPathIsASqliteFile() {
    assertThat(JpaStoreConfig.from(Map.of("restock.db.url", "/data/r.db"), Map.of()).jdbcUrl())
        .isEqualTo("jdbc:sqlite:/data/r.db");
  }

  @Test
  void everyBadValueIsNamedAtOnce() {
    assertThatThrownBy(() -> JpaStoreConfig.from(Map.of(
            "restock.db.url", "jdbc:mysql://x/y", "restock.db.pool-size", "0",
            "restock.db.connection-timeout-ms", "soon", "restock.db.leak-detection-ms", "10",
            "restock.db.schema", "s"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restock.db.url")
        .hasMessageContaining("restock.db.pool-size: must be between 1 and 500 (was 0)")
        .hasMessageContaining("restock.db.connection-timeout-ms: must be a whole number")
        .hasMessageContaining("restock.db.leak-detection-ms")
        .hasMessageContaining("restock.db.schema");
  }

  @Test
  void environmentNamesFollowTheKeys() {
    assertThat(JpaStoreConfig.environmentName("restock.db.pool-size"))
        .isEqualTo("RESTOCK_DB_POOL_SIZE");
  }
}
