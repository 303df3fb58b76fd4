package dev.restock.jpa.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The database-specific libraries a store needs at run time. They are optional dependencies of
 * {@code restock-engine-jpa}: a host adds the one driver (and, for PostgreSQL, Flyway's database
 * module) of the database it uses, with the version managed by {@code dev.restock:restock-bom}.
 * When one is missing, {@link #require(StoreDialect)} fails before anything is opened, naming the
 * Maven coordinates to add, instead of a {@code NoClassDefFoundError} from deep inside a pool.
 */
public final class Drivers {
  private Drivers() {}

  /** A library a database needs: a class it holds, and the Maven coordinates that bring it. */
  public record Library(String className, String coordinates, String purpose) {}

  /** The libraries {@code database} needs on the class path. */
  public static List<Library> needed(StoreDialect database) {
    if (database instanceof SqliteDialect) {
      return List.of(new Library("org.sqlite.JDBC", "org.xerial:sqlite-jdbc",
          "the SQLite JDBC driver"));
    }
    if (database instanceof H2Dialect) {
      return List.of(new Library("org.h2.Driver", "com.h2database:h2", "the H2 JDBC driver"));
    }
    return List.of(
          new Library("org.postgresql.Driver", "org.postgresql:postgresql",
              "the PostgreSQL JDBC driver"),
          new Library("org.flywaydb.database.postgresql.PostgreSQLDatabaseType",
              "org.flywaydb:flyway-database-postgresql", "Flyway's PostgreSQL support"));
  }

  /**
   * The libraries {@code database} needs that {@code loader} cannot load, in the order of
   * {@link #needed(StoreDialect)}; empty when all are there. Classes are looked up, not initialised.
   */
  public static List<Library> missing(StoreDialect database, ClassLoader loader) {
    List<Library> missing = new ArrayList<>();
    for (Library library : needed(database)) {
      try {
        Class.forName(library.className(), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(library);
      }
    }
    return missing;
  }

  /**
   * Checks that the libraries {@code database} needs are on the class path of this engine.
   *
   * @throws IllegalStateException naming every missing library and its Maven coordinates
   */
  public static void require(StoreDialect database) {
    require(database, Drivers.class.getClassLoader());
  }

  /**
   * Checks that {@code loader} can load the libraries {@code database} needs.
   *
   * @throws IllegalStateException naming every missing library and its Maven coordinates
   */
  public static void require(StoreDialect database, ClassLoader loader) {
    List<Library> missing = missing(database, loader);
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("cannot open a ").append(database.displayName())
        .append(" store: missing from the class path: ");
    for (int i = 0; i < missing.size(); i++) {
      Library library = missing.get(i);
      message.append(i == 0 ? "" : ", ").append(library.purpose())
          .append(" (add the dependency ").append(library.coordinates()).append(')');
    }
    message.append(". restock-engine-jpa declares the drivers optional so a host brings only its"
        + " own; their versions are managed by dev.restock:restock-bom.");
    throw new IllegalStateException(message.toString());
  }
}
