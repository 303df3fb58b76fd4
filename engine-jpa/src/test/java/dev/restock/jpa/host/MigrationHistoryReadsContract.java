package dev.restock.jpa.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.Store;
import dev.restock.jpa.JpaStore;
import dev.restock.jpa.JpaStores;
import dev.restock.jpa.config.JpaStoreConfig;
import dev.restock.jpa.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening a store on a database at the expected version reads the migration history once: one
 * Flyway pass validates it (every migration applied with its checksum, none unknown), instead of
 * one pass to look for newer migrations, one for pending ones and one to validate. Counted as
 * the statements on the host's pool that read {@value JpaStore#HISTORY_TABLE}, against those of
 * one Flyway validation. (On PostgreSQL Flyway's statements do not pass through the counting
 * proxy, so it is counted on H2 and SQLite.)
 */
abstract class MigrationHistoryReadsContract {
  private HostDatabase db;
  private final AtomicInteger historyReads = new AtomicInteger();

  protected abstract TestDatabase kind();

  @BeforeEach
  void migrated() {
    db = HostDatabase.of(kind());
    JpaStores.dataSource(db.pool, db.database()).open().close();
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void aDatabaseAtTheExpectedVersionIsReadOnceByFlyway() {
    DataSource counting = counting(db.pool);
    JpaStore.flyway(JpaStoreConfig.of(counting, db.database()), counting).validateWithResult();
    int onePass = historyReads.getAndSet(0);
    assertThat(onePass).as("history reads of one Flyway validation").isPositive();

    try (Store store = JpaStores.dataSource(counting, db.database()).open()) {
      assertThat(store.description()).isNotBlank();
    }
    assertThat(historyReads).as("history reads while opening").hasValue(onePass);
  }

  private DataSource counting(DataSource pool) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          Object result = call(method, pool, args);
          return result instanceof Connection c ? wrap(Connection.class, c) : result;
        });
  }

  private <T> T wrap(Class<T> type, T target) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (args != null && args.length > 0 && args[0] instanceof String sql
          && (method.getName().startsWith("prepare") || method.getName().startsWith("execute"))
          && readsHistory(sql)) {
        historyReads.incrementAndGet();
      }
      Object result = call(method, target, args);
      return result instanceof Statement s && !(result instanceof java.sql.PreparedStatement)
          ? wrap(Statement.class, s) : result;
    };
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
        handler));
  }

  private static boolean readsHistory(String sql) {
    String s = sql.strip().toLowerCase(Locale.ROOT);
    return s.startsWith("select") && s.contains(JpaStore.HISTORY_TABLE);
  }

  private static Object call(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
