package dev.restock.jpa.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 tenant catalogue has a pool of its own (not Pools.open): it gets the dialect's
 * database settings too, so its commits reach the file before they return (WRITE_DELAY 0).
 */
class H2TenantCatalogueWriteDelayTest {
  @TempDir Path dir;

  @Test
  void theCatalogueDatabaseWritesCommitsAtOnce() throws Exception {
    try (Catalogue catalogue = H2Databases.files(dir).catalogue();
        Connection c = DriverManager.getConnection("jdbc:h2:file:"
            + dir.resolve(SqliteFiles.CATALOGUE).toAbsolutePath().normalize(), "sa", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select setting_value from information_schema.settings"
            + " where setting_name = 'WRITE_DELAY'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("0");
    }
  }
}
