package dev.restock.jpa;

import dev.restock.jpa.config.JpaStoreConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.restock.api.spi.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A password in a database URL never reaches people: not in exception messages or their causes,
 * not in a store's description, health report or configuration, not in what is logged meanwhile.
 */
class JpaStoreSecretsTest {
  private static final String SECRET = "hunter2";

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword() {
    JpaStoreConfig config = JpaStoreConfig.of(
        "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + SECRET, null, null)
        .withConnectionTimeout(Duration.ofMillis(500));
    StringBuilder printed = new StringBuilder();
    String log = stderrOf(() -> {
      Throwable failure = catchThrowable(() -> JpaStore.open(config).close());
      assertThat(failure).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot open the database")
          .hasMessageContaining("127.0.0.1:1").hasMessageContaining("password=***");
      printed.append(printed(failure));
    });

    assertThat(printed.toString()).doesNotContain(SECRET);
    assertThat(log).doesNotContain(SECRET);
    assertThat(config.toString()).doesNotContain(SECRET);
  }

  @Test
  void anOpenStoreDescribesItselfAndReportsHealthWithoutThePassword() throws Exception {
    // trust authentication on the test server accepts any password, so one in the URL is fine
    String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&password=" + SECRET;
    try (Connection c = DriverManager.getConnection(url)) {
      c.isValid(2);
    } catch (Exception e) {
      Assumptions.abort("PostgreSQL is not reachable: " + e.getMessage());
    }
    String schema = "restock_secret_" + Long.toHexString(System.nanoTime());
    JpaStoreConfig config = JpaStoreConfig.of(url, null, null).withSchema(schema);
    try {
      StringBuilder seen = new StringBuilder();
      String log = stderrOf(() -> {
        try (Store store = JpaStores.of(config).open()) {
          seen.append(store.description()).append('\n').append(store.health()).append('\n');
          // what the driver reports is what Hibernate logs at start-up
          String reported = store.transactions().read(() -> dev.restock.jpa.tx.UnitOfWork
              .currentSession().doReturningWork(c -> c.getMetaData().getURL()));
          seen.append(reported);
        }
      });
      assertThat(seen.toString()).contains("password=***").doesNotContain(SECRET);
      assertThat(log).doesNotContain(SECRET);
    } finally {
      try (Connection c = DriverManager.getConnection(url);
          var s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String stderrOf(Runnable work) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
