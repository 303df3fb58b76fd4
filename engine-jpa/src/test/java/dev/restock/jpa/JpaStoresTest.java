package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.catalog.Product;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.api.spi.StoreFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores: where they point, what survives a restart, and how failures read. */
class JpaStoresTest {
  @TempDir Path dir;
  private final AuditContext context = new AuditContext(Actor.system(), "test.seed");

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2-file"})
  void aFileDatabaseKeepsItsDataAcrossARestart(String kind) {
    StoreFactory factory = kind.equals("sqlite") ? JpaStores.sqlite(dir.resolve("r.db"))
        : JpaStores.h2File(dir.resolve("r"));
    UUID id = UUID.randomUUID();
    try (Store store = factory.open()) {
      store.transactions().write(context, () -> store.products().add(new Product(id, "KEEP",
          "Kept", null, BigDecimal.ONE, 1, true, 0, AuditStamp.NEW, null)));
    }
    try (Store reopened = factory.open()) {
      assertThat(reopened.transactions().read(
          () -> reopened.products().find(id, Visibility.LIVE)).orElseThrow().sku()).isEqualTo("KEEP");
    }
  }

  @Test
  void aLocationPicksItsDatabaseByUrlPrefixAndAPathMeansSqlite() {
    try (Store h2 = JpaStores.fromLocation("jdbc:h2:mem:loc" + UUID.randomUUID()).open()) {
      assertThat(h2.description()).startsWith("jpa-h2:");
    }
    try (Store sqlite = JpaStores.fromLocation(dir.resolve("x.db").toString()).open()) {
      assertThat(sqlite.description()).isEqualTo("jpa-sqlite:" + dir.resolve("x.db"));
    }
    assertThatThrownBy(() -> JpaStores.fromLocation("jdbc:mysql://localhost/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use jdbc:sqlite:, jdbc:h2: or jdbc:postgresql:");
  }

  @Test
  void anUnreachableServerFailsWithAMessageSayingWhatToCheck() {
    assertThatThrownBy(() -> JpaStores.postgres("jdbc:postgresql://127.0.0.1:1/test", "postgres",
        "").open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot open the database jdbc:postgresql://127.0.0.1:1/test")
        .hasMessageContaining("Check that it is reachable");
  }

  @Test
  void aSqliteFileInAMissingDirectoryFailsClearly() {
    assertThatThrownBy(() -> JpaStores.sqlite(dir.resolve("missing/sub/r.db")).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot open the database jdbc:sqlite:");
  }

  @Test
  void aDatabaseMigratedByANewerVersionIsRefused() throws Exception {
    Path file = dir.resolve("newer.db");
    JpaStores.sqlite(file).open().close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("insert into restock_schema_history (installed_rank, version, description,"
          + " type, script, checksum, installed_by, execution_time, success)"
          + " values (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)");
    }
    assertThatThrownBy(() -> JpaStores.sqlite(file).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has schema version 99, newer than this version of Restock");
  }
}
