package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PickListStrategy} must pass. Extend it in your plugin's tests and
 * return a fresh instance from {@link #strategy()}:
 *
 * <pre>{@code
 * class MyStrategyTest extends PickListStrategyContract {
 *   protected PickListStrategy strategy() { return new MyStrategy(); }
 * }
 * }</pre>
 */
public abstract class PickListStrategyContract {

  /** The strategy under test, configured as it will be registered. */
  protected abstract PickListStrategy strategy();

  @Test
  void itsIdIsLowerCaseWordsJoinedByHyphens() {
    assertThat(strategy().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void itNeverPlansANegativeQuantityNorMoreThanTheRoomLeft() {
    PickListStrategy strategy = strategy();
    for (PlanContext context : Snapshots.contexts()) {
      for (SlotSnapshot slot : Snapshots.slots()) {
        assertThat(strategy.plan(slot, context)).as("%s for %s", strategy.id(), slot)
            .isBetween(0, slot.room());
      }
    }
  }

  @Test
  void itPlansNothingForAFullSlot() {
    PickListStrategy strategy = strategy();
    for (PlanContext context : Snapshots.contexts()) {
      Snapshots.slots().stream().filter(s -> s.room() == 0).forEach(slot ->
          assertThat(strategy.plan(slot, context)).as("%s for %s", strategy.id(), slot).isZero());
    }
  }

  @Test
  void itAsksForNoNegativeSalesWindow() {
    assertThat(strategy().salesWindowDays()).isBetween(0, 366);
  }

  @Test
  void itIsDeterministicAndHasNoSideEffectsUnderConcurrentCalls() throws Exception {
    PickListStrategy strategy = strategy();
    List<SlotSnapshot> slots = Snapshots.slots();
    List<PlanContext> contexts = Snapshots.contexts();
    List<Integer> expected = plans(strategy, slots, contexts);
    assertThat(plans(strategy, slots, contexts)).as("same input, same output").isEqualTo(expected);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> plans(strategy, slots, contexts)));
      }
      for (Future<List<Integer>> r : results) {
        assertThat(r.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(plans(strategy, slots, contexts)).as("unchanged after many calls").isEqualTo(expected);
  }

  private static List<Integer> plans(
      PickListStrategy strategy, List<SlotSnapshot> slots, List<PlanContext> contexts) {
    List<Integer> result = new ArrayList<>();
    for (PlanContext context : contexts) {
      for (SlotSnapshot slot : slots) {
        result.add(strategy.plan(slot, context));
      }
    }
    return result;
  }
}
