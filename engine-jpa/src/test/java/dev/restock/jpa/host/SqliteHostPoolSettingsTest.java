package dev.restock.jpa.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.UnsuitableDataSourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's SQLite pool must carry the engine's settings on every connection; one that does not is
 * refused before anything is written, with every wrong setting named and how to set it.
 */
class SqliteHostPoolSettingsTest {
  @TempDir
  Path dir;

  private HikariDataSource pool(String url, Properties properties) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    config.setDataSourceProperties(properties);
    return new HikariDataSource(config);
  }

  private long tables(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from sqlite_master where type = 'table'")) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void aPlainPoolIsRefusedNamingEverySettingAndHowToSetIt() throws Exception {
    Path file = dir.resolve("host.db");
    try (HikariDataSource plain = pool("jdbc:sqlite:" + file, new Properties())) {
      assertThatThrownBy(() -> JpaStores.dataSource(plain, Database.SQLITE).open())
          .isInstanceOfSatisfying(UnsuitableDataSourceException.class, e -> {
            assertThat(e.problems()).hasSize(5);
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("journal_mode is delete").contains("journal_mode=WAL"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("synchronous is 2").contains("synchronous=NORMAL"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("foreign_keys is off").contains("foreign_keys=true"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("busy_timeout is 3000 ms").contains("busy_timeout=5000"));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("transactions begin DEFERRED").contains("transaction_mode=IMMEDIATE"));
            assertThat(e.getMessage()).contains("spring.datasource.hikari.data-source-properties")
                .contains("SQLiteConfig");
          });
      assertThat(plain.isClosed()).isFalse();
      assertThat(tables(plain)).as("nothing written").isZero();
    }
  }

  @Test
  void onlyTheWrongSettingsAreNamed() throws Exception {
    Properties almost = HostDatabase.sqliteSettings();
    almost.setProperty("busy_timeout", "1000");
    try (HikariDataSource pool = pool("jdbc:sqlite:" + dir.resolve("almost.db"), almost)) {
      assertThatThrownBy(() -> JpaStores.dataSource(pool, Database.SQLITE).open())
          .isInstanceOfSatisfying(UnsuitableDataSourceException.class, e ->
              assertThat(e.problems()).containsExactly(
                  "busy_timeout is 1000 ms, must be at least 5000 (busy_timeout=5000)"));
      assertThat(tables(pool)).isZero();
    }
  }

  @Test
  void settingsGivenAsUrlParametersAndALongerBusyTimeoutAreAccepted() throws Exception {
    Path file = dir.resolve("url.db");
    String url = "jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=NORMAL"
        + "&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE";
    try (HikariDataSource pool = pool(url, new Properties())) {
      Store store = JpaStores.dataSource(pool, Database.SQLITE).open();
      store.close();
      assertThat(pool.isClosed()).isFalse();
      assertThat(tables(pool)).isPositive();
    }
    assertThat(Files.exists(file)).isTrue();
  }
}
