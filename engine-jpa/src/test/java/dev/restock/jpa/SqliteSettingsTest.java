package dev.restock.jpa;

import dev.restock.jpa.config.Database;
import dev.restock.jpa.config.JpaStoreConfig;

import dev.restock.jpa.bootstrap.Pools;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.catalog.Product;
import dev.restock.api.aggregate.AuditStamp;
import dev.restock.api.query.Visibility;
import dev.restock.api.spi.Store;
import dev.restock.jpa.testing.FreshDatabase;
import dev.restock.jpa.testing.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's per-connection settings and its write locking. */
class SqliteSettingsTest {
  @TempDir Path dir;

  @Test
  void everyPoolOfAnOpenStoreHasTheRequiredPragmas() {
    JpaStoreConfig config = JpaStoreConfig.of("jdbc:sqlite:" + dir.resolve("a.db"), null, null);
    try (Pools pools = Pools.open(config)) {
      assertThat(Pools.connectionProblems(Database.SQLITE.dialect(),
          List.of(pools.write(), pools.read()))).isEmpty();
      assertThat(pools.separateReadPool()).isTrue();
    }
  }

  @Test
  void aConnectionWithoutThePragmasIsReportedSettingBySetting() {
    HikariConfig plain = new HikariConfig();
    plain.setJdbcUrl("jdbc:sqlite:" + dir.resolve("plain.db"));
    plain.setPoolName("plain");
    try (HikariDataSource pool = new HikariDataSource(plain)) {
      assertThat(Pools.connectionProblems(Database.SQLITE.dialect(), List.of(pool)))
          .containsExactly(
              "plain: journal_mode is delete, expected wal",
              "plain: synchronous is 2, expected 1",
              "plain: foreign_keys is 0, expected 1",
              "plain: busy_timeout is 3000, expected 5000");
    }
  }

  /**
   * Two stores on one file stand for two processes. Every unit reads a counter and writes it back
   * incremented. With DEFERRED transactions two units would both read, then one would fail to
   * upgrade its lock (SQLITE_BUSY) or lose the other's update; with BEGIN IMMEDIATE they queue.
   */
  @Test
  void concurrentReadThenWriteUnitsFromTwoStoresNeitherDeadlockNorLoseUpdates() throws Exception {
    try (FreshDatabase db = TestDatabase.SQLITE.fresh()) {
      Store first = db.factory().open();
      Store second = db.factory().open();
      AuditContext context = new AuditContext(Actor.system(), "counter.increment");
      UUID id = UUID.randomUUID();
      first.transactions().write(context, () -> first.products().add(new Product(id, "COUNTER",
          "Counter", null, BigDecimal.ONE, 1, true, 0, AuditStamp.NEW, null)));

      int threadsPerStore = 3;
      int unitsPerThread = 15;
      ExecutorService pool = Executors.newFixedThreadPool(threadsPerStore * 2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (Store store : List.of(first, second)) {
        for (int t = 0; t < threadsPerStore; t++) {
          futures.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < unitsPerThread; i++) {
              store.transactions().write(context, () -> {
                Product p = store.products().find(id, Visibility.LIVE).orElseThrow();
                return store.products().update(new Product(p.id(), p.sku(), p.name(), null,
                    p.price(), p.casePack() + 1, true, p.version(), p.stamp(), null));
              });
            }
            return null;
          }));
        }
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();

      int expected = 1 + 2 * threadsPerStore * unitsPerThread;
      Product counter = second.transactions().read(
          () -> second.products().find(id, Visibility.LIVE).orElseThrow());
      assertThat(counter.casePack()).isEqualTo(expected);
      first.close();
      second.close();
    }
  }
}
