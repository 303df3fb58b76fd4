package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.spi.Store;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import dev.restock.jpa.tx.UnitOfWork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two operational warnings the configuration promises: statements slower than
 * {@code slow-query-ms} are logged with their SQL (logger {@code org.hibernate.SQL_SLOW}), and a
 * connection held out of the pool longer than {@code leak-detection-ms} is reported with where it
 * was taken (HikariCP, WARN). HikariCP logs through SLF4J, which slf4j-simple writes to the
 * current {@code System.err}; Hibernate logs through JBoss Logging, which goes to
 * java.util.logging unless the host picks SLF4J ({@code org.jboss.logging.provider=slf4j}), so
 * both are captured.
 */
class OperationalLoggingTest {
  /** A statement that takes well over a millisecond on every database: 20,000 rows counted. */
  private static final String SLOW = "with recursive t(n) as (select 1 union all select n + 1"
      + " from t where n < 20000) select count(*) from t";

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStatementSlowerThanTheThresholdIsLoggedWithItsSql(TestDatabase database) {
    try (FreshDatabase db = database.fresh();
        Store store = JpaStores.of(db.config()
            .withSlowQueryThreshold(Duration.ofMillis(1))).open()) {
      String log = stderrOf(() -> store.transactions().read(() -> ((Number) UnitOfWork
          .currentSession().createNativeQuery(SLOW, Object.class).getSingleResult())
          .longValue()));
      assertThat(log).contains("SQL_SLOW").contains("Slow query took").contains("n < 20000");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aStatementFasterThanTheThresholdIsNotLogged(TestDatabase database) {
    try (FreshDatabase db = database.fresh();
        Store store = JpaStores.of(db.config()
            .withSlowQueryThreshold(Duration.ofSeconds(30))).open()) {
      String log = stderrOf(() -> store.transactions().read(() -> ((Number) UnitOfWork
          .currentSession().createNativeQuery(SLOW, Object.class).getSingleResult())
          .longValue()));
      assertThat(log).doesNotContain("Slow query");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aConnectionHeldPastTheLeakThresholdIsReportedWithWhereItWasTaken(TestDatabase database) {
    // HikariCP's smallest threshold is 2 s
    try (FreshDatabase db = database.fresh();
        Store store = JpaStores.of(db.config()
            .withLeakDetectionThreshold(Duration.ofSeconds(2))).open()) {
      String log = stderrOf(() -> store.transactions().write(
          new AuditContext(Actor.system(), "test.hold"), () -> {
            UnitOfWork.currentSession().createNativeQuery("select 1", Object.class)
                .getSingleResult();
            try {
              Thread.sleep(3_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return null;
          }));
      assertThat(log).contains("Connection leak detection triggered")
          .contains(OperationalLoggingTest.class.getName());
    }
  }

  private static String stderrOf(Supplier<?> work) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    StringBuffer jul = new StringBuffer();
    java.util.logging.Logger slow = java.util.logging.Logger.getLogger("org.hibernate.SQL_SLOW");
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        jul.append(r.getLoggerName()).append(' ').append(r.getLevel()).append(' ')
            .append(new java.util.logging.SimpleFormatter().formatMessage(r)).append('\n');
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    slow.addHandler(handler);
    try {
      work.get();
      // the leak task and the log run on other threads; give them a moment to finish writing
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      System.setErr(original);
      slow.removeHandler(handler);
    }
    String log = captured.toString(StandardCharsets.UTF_8) + jul;
    original.print(log);
    return log;
  }
}
