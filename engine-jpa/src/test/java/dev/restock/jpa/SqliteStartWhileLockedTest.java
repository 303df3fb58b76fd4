package dev.restock.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.Restock;
import dev.restock.api.audit.Actor;
import dev.restock.api.catalog.CreateProduct;
import dev.restock.api.catalog.Product;
import dev.restock.api.query.PageRequest;
import dev.restock.api.query.Visibility;
import dev.restock.core.wiring.RestockEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another process holds SQLite's write lock, a new store on the same, fully migrated file
 * opens and answers reads at once: neither start-up nor reads need the write connection when
 * there is nothing to migrate.
 */
class SqliteStartWhileLockedTest {
  @TempDir Path dir;

  @Test
  void aStoreOpensAndListsProductsWhileAnotherProcessHoldsTheWriteLock() throws Exception {
    Path file = dir.resolve("locked.db");
    try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
      engine.as(Actor.system()).products().create(
          new CreateProduct("COLA", "Cola", "Drinks", BigDecimal.ONE, 6));
    }
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("begin immediate"); // another process in the middle of a long write
      s.executeUpdate("update product set name = 'Cola (being renamed)'");
      long start = System.nanoTime();
      CompletableFuture<List<Product>> listed = CompletableFuture.supplyAsync(() -> {
        try (Restock engine = RestockEngine.builder().store(JpaStores.sqlite(file)).build()) {
          return engine.as(Actor.system()).products()
              .list(PageRequest.of(0, 50), Visibility.LIVE).items();
        }
      });
      try {
        List<Product> products = listed.get(60, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(products).extracting(Product::sku).containsExactly("COLA");
        // the other writer has not committed: the reader sees the last committed name
        assertThat(products).extracting(Product::name).containsExactly("Cola");
        // it used to wait for the write connection for 30 s and fail; what remains is building
        // the store, a few seconds at most even on a busy machine
        assertThat(millis).as("open and list took %d ms", millis).isLessThan(15_000);
      } finally {
        s.execute("rollback");
      }
    }
  }
}
