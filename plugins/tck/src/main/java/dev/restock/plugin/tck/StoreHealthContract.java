package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.catalog.Product;
import dev.restock.api.stability.Experimental;
import org.junit.jupiter.api.Test;

/**
 * The store contract of what a {@code Store} answers about itself: health and statistics of an
 * open store.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface StoreHealthContract extends StoreUnderTest {
  @Test
  default void healthAndStatisticsAnswerForAnOpenStore() {
    dev.restock.api.ops.Health health = store().health();
    assertThat(health.up()).isTrue();
    assertThat(health.problem()).isNull();
    assertThat(health.pool()).isNotNull();
    assertThat(health.latency()).isNotNull();
    assertThat(store().description()).isNotBlank();
    long transactions = store().statistics().transactions();
    add("COLA", "Cola", "1");
    assertThat(store().statistics().transactions()).isGreaterThan(transactions);
    assertThat(store().statistics().entityInserts()).isPositive();
  }

  private Product add(String sku, String name, String price) {
    return Kit.add(store(), sku, name, price);
  }
}
