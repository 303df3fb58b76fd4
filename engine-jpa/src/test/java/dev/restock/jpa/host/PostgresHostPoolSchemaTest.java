package dev.restock.jpa.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.config.UnsuitableDataSourceException;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * A host's PostgreSQL pool whose connections are on another schema than the one configured for
 * Restock is refused before anything is written, naming both schemas and how to set it.
 */
class PostgresHostPoolSchemaTest {

  @Test
  void aPoolOnAnotherSchemaIsRefusedAndNothingIsWritten() throws Exception {
    try (HostDatabase host = HostDatabase.of(TestDatabase.POSTGRES)) {
      String configured = "restock_elsewhere_" + Long.toHexString(System.nanoTime());
      JpaStoreConfig config = JpaStoreConfig.of(host.pool, Database.POSTGRESQL)
          .withSchema(configured);
      assertThatThrownBy(() -> JpaStores.of(config).open())
          .isInstanceOfSatisfying(UnsuitableDataSourceException.class, e -> {
            assertThat(e.problems()).singleElement().asString()
                .contains("not " + configured);
            assertThat(e.getMessage()).contains("currentSchema=");
          });
      assertThat(host.pool.isClosed()).as("the host's pool stays open").isFalse();
      try (Connection c = host.pool.getConnection(); PreparedStatement p = c.prepareStatement(
          "select count(*) from information_schema.tables where table_schema in (?, ?)")) {
        p.setString(1, c.getSchema());
        p.setString(2, configured);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          assertThat(r.getLong(1)).as("tables written in either schema").isZero();
        }
      }
    }
  }
}
