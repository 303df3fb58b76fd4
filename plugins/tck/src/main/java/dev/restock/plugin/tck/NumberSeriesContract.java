package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.stability.Experimental;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract of the {@code NumberSeries} port: numbers are gapless across threads and a
 * rolled-back number is given back.
 *
 * <p>Implemented by {@link StoreContract}, which runs every port's contract on a fresh store per
 * test; a store author extends that class rather than this interface.
 */
@Experimental(since = "0.2")
public interface NumberSeriesContract extends StoreUnderTest {
  @Test
  default void numbersAreGaplessAcrossThreadsAndARolledBackNumberIsGivenBack() throws Exception {
    assertThatThrownBy(() -> write("number", () -> {
      store().numberSeries().next("T-1");
      throw new IllegalStateException("rolled back");
    })).hasMessageContaining("rolled back");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        futures.add(pool.submit(() -> write("number", () -> store().numberSeries().next("T-1"))));
      }
      java.util.Set<Long> numbers = new java.util.TreeSet<>();
      for (Future<Long> f : futures) {
        numbers.add(f.get());
      }
      assertThat(numbers).hasSize(20).first().isEqualTo(1L);
      assertThat(numbers).last().isEqualTo(20L);
    } finally {
      pool.shutdown();
    }
  }

  private <T> T write(String action, Supplier<T> work) {
    return Kit.write(store(), action, work);
  }
}
