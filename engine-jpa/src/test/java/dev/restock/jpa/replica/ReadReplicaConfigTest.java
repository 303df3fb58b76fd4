package dev.restock.jpa.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.ReadReplica;
import dev.restock.jpa.tx.HostTransactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuring a read replica: PostgreSQL only, every bad value named, nothing opened. */
class ReadReplicaConfigTest {
  private static final String REPLICA = "jdbc:postgresql://127.0.0.1:5433/test";

  @Test
  void aReplicaOnSqliteOrH2IsRefusedNamingPostgresql(@TempDir Path dir) {
    Path file = dir.resolve("restock.db");
    assertThatThrownBy(() -> JpaStoreConfig.of("jdbc:sqlite:" + file, null, null)
        .withReadReplica(REPLICA, null, null, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only be configured on PostgreSQL").hasMessageContaining("SQLite");
    assertThatThrownBy(() -> JpaStoreConfig.of("jdbc:h2:mem:replica", "sa", "")
        .withReadReplica(REPLICA, null, null, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only be configured on PostgreSQL");
    assertThat(file).doesNotExist();
  }

  @Test
  void propertiesNameEveryBadReplicaValueAtOnce(@TempDir Path dir) {
    Path file = dir.resolve("restock.db");
    assertThatThrownBy(() -> JpaStoreConfig.from(Map.of("restock.db.url", file.toString(),
        "restock.db.replica-url", REPLICA, "restock.db.replica-max-staleness-ms", "-1",
        "restock.db.replica-check-interval-ms", "soon"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restock.db.replica-url: a read replica can only be configured on "
            + "PostgreSQL")
        .hasMessageContaining("restock.db.replica-max-staleness-ms: must be between 0")
        .hasMessageContaining("restock.db.replica-check-interval-ms: must be a whole number");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void propertiesConfigureAReplicaOnPostgresqlWithThePrimarysAccountByDefault() {
    JpaStoreConfig config = JpaStoreConfig.from(Map.of(
        "restock.db.url", "jdbc:postgresql://127.0.0.1:5432/test", "restock.db.user", "postgres"),
        Map.of("RESTOCK_DB_REPLICA_URL", REPLICA, "RESTOCK_DB_REPLICA_MAX_STALENESS_MS", "2500"));

    ReadReplica replica = config.readReplica();
    assertThat(replica.jdbcUrl()).isEqualTo(REPLICA);
    assertThat(replica.user()).isNull();
    assertThat(replica.maxStaleness()).isEqualTo(Duration.ofMillis(2500));
    assertThat(replica.checkInterval()).isEqualTo(ReadReplica.DEFAULT_CHECK_INTERVAL);
    assertThat(replica.readYourWrites()).isTrue();
    assertThat(JpaStoreConfig.from(Map.of("restock.db.url",
        "jdbc:postgresql://127.0.0.1:5432/test"), Map.of()).readReplica()).isNull();
  }

  @Test
  void aReplicaUrlThatIsNotPostgresqlOrANegativeBoundIsRefused() {
    assertThatThrownBy(() -> ReadReplica.of("jdbc:h2:mem:x", null, null, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PostgreSQL URL");
    assertThatThrownBy(() -> ReadReplica.of(REPLICA, null, null, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStaleness");
  }

  @Test
  void theReplicasPasswordNeverShowsInTheConfigurationsText() {
    JpaStoreConfig config = JpaStoreConfig.of("jdbc:postgresql://127.0.0.1:5432/test",
        "postgres", "").withReadReplica(REPLICA + "?password=s3cret", "reader", "hunter2",
        Duration.ofSeconds(5));

    assertThat(config.toString()).contains("5433").doesNotContain("s3cret")
        .doesNotContain("hunter2");
  }

  @Test
  void aReplicaCannotBeCombinedWithHostTransactions() {
    JpaStoreConfig onHost = JpaStoreConfig.of(new org.postgresql.ds.PGSimpleDataSource(),
        dev.restock.jpa.config.Database.POSTGRESQL);
    HostTransactions host = java.util.Optional::empty;
    assertThatThrownBy(() -> onHost.withHostTransactions(host)
        .withReadReplica(REPLICA, null, null, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host transactions");
  }
}
