package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.core.wiring.RestockEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holding SQLite's write lock longer than the busy timeout (5 s) delays a write
 * unit of work; it does not fail it (the begin is retried for up to 30 s).
 */
class SqliteBusyRetryTest {
  @TempDir Path dir;

  @Test
  void aWriterOutlastingTheBusyTimeoutDelaysButDoesNotFailAUnitOfWork() throws Exception {
    Path file = dir.resolve("busy.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("FIRST", "P", "X", BigDecimal.ONE, 1));
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = other.createStatement()) {
        s.execute("begin immediate"); // like another process in the middle of a long write
        long start = System.nanoTime();
        CompletableFuture<?> write = engine.async(Actor.system(), session -> session.products()
            .create(new CreateProduct("SECOND", "P", "X", BigDecimal.ONE, 1)));
        Thread.sleep(7_000);
        assertThat(write).as("still waiting for the lock").isNotDone();
        s.execute("rollback");
        write.get(30, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
            .isGreaterThanOrEqualTo(7_000);
      }
      assertThat(engine.as(Actor.system()).products().getBySku("SECOND")).isNotNull();
      // the connection that met the busy lock is healthy again: later units commit normally
      engine.as(Actor.system()).products().create(
          new CreateProduct("THIRD", "P", "X", BigDecimal.ONE, 1));
      assertThat(engine.as(Actor.system()).history().verify().intact()).isTrue();
    }
  }
}
