package dev.restock.jpa.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.jpa.config.Database;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Finding the dialect: from the database enum, a JDBC URL or a live connection. */
class StoreDialectTest {

  @Test
  void everyDatabaseHasADialectOfItsOwn() {
    assertThat(Database.values()).extracting(Database::dialect)
        .containsExactlyElementsOf(StoreDialect.all())
        .doesNotHaveDuplicates();
    assertThat(StoreDialect.all()).extracting(StoreDialect::id)
        .containsExactly("sqlite", "h2", "postgresql");
  }

  @ParameterizedTest
  @CsvSource({
      "jdbc:sqlite:/data/restock.db, SQLITE, classpath:dev/restock/migration/sqlite",
      "jdbc:h2:mem:restock, H2, classpath:dev/restock/migration/h2",
      "jdbc:postgresql://127.0.0.1/restock, POSTGRESQL, classpath:dev/restock/migration/postgresql"
  })
  void aUrlFindsItsDatabaseWhoseDialectNamesTheMigrationFolder(String url, Database database,
      String migrations) {
    assertThat(Database.ofUrl(url)).isEqualTo(database);
    assertThat(database.dialect().accepts(url)).isTrue();
    assertThat(database.migrations()).isEqualTo(migrations);
    assertThat(database.defaultPoolSize()).isEqualTo(database.dialect().defaultPoolSize());
  }

  @Test
  void anUnsupportedUrlOrProductIsRefusedNamingTheSupportedOnes() {
    assertThatThrownBy(() -> Database.ofUrl("jdbc:mysql://h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:sqlite:, jdbc:h2: or jdbc:postgresql:");
    assertThatThrownBy(() -> StoreDialect.ofProductName("MySQL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported database 'MySQL': Restock runs on SQLite, H2, PostgreSQL");
  }

  @Test
  void theHibernateDialectsExist() throws ClassNotFoundException {
    for (StoreDialect dialect : StoreDialect.all()) {
      assertThat(org.hibernate.dialect.Dialect.class)
          .isAssignableFrom(Class.forName(dialect.hibernateDialect()));
    }
  }

  /** The audit chain takes its row lock by the dialect its connection reports. */
  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aLiveConnectionFindsTheDialectOfItsDatabase(TestDatabase which) throws SQLException {
    try (FreshDatabase db = which.fresh(); Connection c = db.connect()) {
      assertThat(StoreDialect.ofProductName(c.getMetaData().getDatabaseProductName()))
          .isSameAs(db.config().database().dialect());
    }
  }
}
