package dev.restock.jpa.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.restock.jpa.config.Database;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drivers are optional dependencies: a missing one is named with its Maven coordinates. */
class DriversTest {

  /** This module's test class path, with the classes under {@code hidden} taken away. */
  private static ClassLoader without(String... hidden) {
    return new ClassLoader(DriversTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : hidden) {
          if (name.startsWith(prefix)) {
            throw new ClassNotFoundException(name);
          }
        }
        return super.loadClass(name, resolve);
      }
    };
  }

  @Test
  void everyDatabaseFindsItsLibrariesOnThisModulesClassPath() {
    for (Database database : Database.values()) {
      assertThat(Drivers.missing(database.dialect(), DriversTest.class.getClassLoader()))
          .as(database.name()).isEmpty();
      assertThatNoException().isThrownBy(() -> Drivers.require(database.dialect()));
    }
  }

  @Test
  void aMissingSqliteDriverIsNamedWithItsCoordinates() {
    ClassLoader loader = without("org.sqlite.");

    assertThatIllegalStateException()
        .isThrownBy(() -> Drivers.require(Database.SQLITE.dialect(), loader))
        .withMessageContaining("SQLite store")
        .withMessageContaining("the SQLite JDBC driver (add the dependency org.xerial:sqlite-jdbc)")
        .withMessageContaining("dev.restock:restock-bom");
    // the other databases do not need it
    assertThatNoException().isThrownBy(() -> Drivers.require(Database.H2.dialect(), loader));
    assertThatNoException().isThrownBy(() -> Drivers.require(Database.POSTGRESQL.dialect(), loader));
  }

  @Test
  void aMissingH2DriverIsNamedWithItsCoordinates() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Drivers.require(Database.H2.dialect(), without("org.h2.")))
        .withMessageContaining("the H2 JDBC driver (add the dependency com.h2database:h2)");
  }

  @Test
  void postgresqlNamesEveryMissingLibraryAtOnce() {
    ClassLoader loader = without("org.postgresql.", "org.flywaydb.database.postgresql.");

    assertThat(Drivers.missing(Database.POSTGRESQL.dialect(), loader))
        .extracting(Drivers.Library::coordinates)
        .containsExactly("org.postgresql:postgresql", "org.flywaydb:flyway-database-postgresql");
    assertThatIllegalStateException()
        .isThrownBy(() -> Drivers.require(Database.POSTGRESQL.dialect(), loader))
        .withMessageContaining("(add the dependency org.postgresql:postgresql)")
        .withMessageContaining("(add the dependency org.flywaydb:flyway-database-postgresql)");
  }

  @Test
  void flywaysPostgresqlModuleAloneIsReportedToo() {
    List<Drivers.Library> missing = Drivers.missing(Database.POSTGRESQL.dialect(),
        without("org.flywaydb.database.postgresql."));

    assertThat(missing).extracting(Drivers.Library::coordinates)
        .containsExactly("org.flywaydb:flyway-database-postgresql");
  }
}
