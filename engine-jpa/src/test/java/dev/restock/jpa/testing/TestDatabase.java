package dev.restock.jpa.testing;

import dev.restock.api.spi.StoreFactory;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.JpaStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The three databases the store runs on, each able to hand out a fresh empty database. */
public enum TestDatabase {
  H2 {
    @Override
    public FreshDatabase fresh() {
      String url = "jdbc:h2:mem:t" + token() + ";DB_CLOSE_DELAY=-1";
      return new Fresh(url, "sa", "", JpaStores.of(JpaStoreConfig.of(url, "sa", "")), () -> {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException e) {
          throw new IllegalStateException("cannot drop in-memory database " + url, e);
        }
      });
    }
  },
  SQLITE {
    @Override
    public FreshDatabase fresh() {
      try {
        Path dir = Files.createTempDirectory("restock-test");
        Path file = dir.resolve("restock.db");
        return new Fresh("jdbc:sqlite:" + file, null, null, JpaStores.sqlite(file),
            () -> deleteTree(dir));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },
  POSTGRES {
    @Override
    public FreshDatabase fresh() {
      String server = System.getProperty("restock.test.postgres.url", POSTGRES_URL);
      String user = System.getProperty("restock.test.postgres.user", "postgres");
      try (Connection c = DriverManager.getConnection(server, user, "")) {
        c.isValid(2);
      } catch (SQLException e) {
        String message = "PostgreSQL is not reachable at " + server + " (" + e.getMessage() + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          Assertions.fail(message + "; in CI the PostgreSQL tests must run, start the server");
        }
        Assumptions.abort(message + "; PostgreSQL tests SKIPPED");
      }
      return schemaIn(server, user);
    }
  };

  /**
   * A fresh schema of its own in the PostgreSQL database at {@code databaseUrl} (a reachable
   * server is assumed), dropped on close.
   */
  public static FreshDatabase postgresSchemaIn(String databaseUrl) {
    return schemaIn(databaseUrl, System.getProperty("restock.test.postgres.user", "postgres"));
  }

  private static FreshDatabase schemaIn(String server, String user) {
    String schema = "restock_t_" + token();
    JpaStoreConfig config = JpaStoreConfig.of(server, user, "").withSchema(schema);
    return new Fresh(server + "?currentSchema=" + schema, user, "", JpaStores.of(config),
        () -> {
          try (Connection c = DriverManager.getConnection(server, user, "");
              Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
          } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
          }
        });
  }

  static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  /** A store factory on a new, empty database. */
  public abstract FreshDatabase fresh();

  /**
   * An empty database a backup of {@code source} can be restored into. On PostgreSQL a new
   * database (a dump restores into the schema it was taken from); elsewhere {@link #fresh()}.
   */
  public FreshDatabase restoreTarget(FreshDatabase source) {
    if (this != POSTGRES) {
      return fresh();
    }
    String schema = source.jdbcUrl().replaceFirst(".*currentSchema=", "");
    String server = System.getProperty("restock.test.postgres.url", POSTGRES_URL);
    String user = System.getProperty("restock.test.postgres.user", "postgres");
    String database = "restock_r_" + token();
    try (Connection c = DriverManager.getConnection(server, user, "");
        Statement s = c.createStatement()) {
      s.execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    String url = server.replaceFirst("/[^/]*$", "/" + database);
    return new Fresh(url + "?currentSchema=" + schema, user, "",
        JpaStores.of(JpaStoreConfig.of(url, user, "").withSchema(schema)), () -> {
          try (Connection c = DriverManager.getConnection(server, user, "");
              Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
          } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database, e);
          }
        });
  }

  private static String token() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Fresh(String jdbcUrl, String user, String password, StoreFactory factory,
      Runnable cleanup) implements FreshDatabase {
    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public JpaStoreConfig config() {
      return JpaStoreConfig.of(jdbcUrl, user, password);
    }

    @Override
    public void close() {
      cleanup.run();
    }
  }
}
