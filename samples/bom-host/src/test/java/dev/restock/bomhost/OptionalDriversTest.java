package dev.restock.bomhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStores;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This host declares only H2's driver. The store runs on H2 without the other drivers, and a store
 * on a database whose driver is missing fails at once, naming the dependency to add.
 */
class OptionalDriversTest {

  @Test
  void onlyTheDeclaredDriverIsOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.sqlite.JDBC"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.postgresql.Driver"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void anH2StoreRunsWithoutTheOtherDrivers() {
    try (Store store = JpaStores.h2InMemory("host" + UUID.randomUUID()).open()) {
      assertThat(store.health().up()).isTrue();
      assertThat(store.transactions().read(() -> store.products().findBySku("none"))).isEmpty();
    }
  }

  @Test
  void aSqliteStoreWithoutItsDriverNamesTheDependency(@TempDir Path dir) {
    assertThatIllegalStateException()
        .isThrownBy(() -> JpaStores.sqlite(dir.resolve("r.db")).open().close())
        .withMessageContaining("org.xerial:sqlite-jdbc");
  }

  @Test
  void aPostgresqlStoreWithoutItsDriverNamesBothDependencies() {
    assertThatIllegalStateException()
        .isThrownBy(() -> JpaStores.postgres("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
            "").open().close())
        .withMessageContaining("org.postgresql:postgresql")
        .withMessageContaining("org.flywaydb:flyway-database-postgresql");
  }
}
