package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing to migrate, start-up still checks that the migrations recorded in the database
 * are the ones this code ships (as Flyway's migrate did before the check moved to a read
 * connection): an applied migration whose checksum differs is refused.
 */
class StartUpValidationTest {
  @TempDir Path dir;

  @Test
  void aDatabaseWhoseAppliedMigrationWasChangedIsRefusedAtStartUp() throws Exception {
    Path file = dir.resolve("changed.db");
    JpaStores.sqlite(file).open().close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("update \"restock_schema_history\" set \"checksum\" = \"checksum\" + 1"
          + " where \"version\" = '1'");
    }
    assertThatThrownBy(() -> JpaStores.sqlite(file).open())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("checksum");
  }
}
