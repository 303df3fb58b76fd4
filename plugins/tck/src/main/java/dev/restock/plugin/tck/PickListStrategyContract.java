package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PickListStrategy} must pass, for {@code plan} on single slots and for
 * {@code planMachine} on the kit's machines ({@link Snapshots#machines()}: several cabinets,
 * products shared across slots and cabinets, case packs). Extend it in your plugin's tests and
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

  @Test
  void itsMachinePlanNamesOnlyTheMachinesSlotsAndStaysWithinEachSlotsRoom() {
    PickListStrategy strategy = strategy();
    for (PlanContext context : Snapshots.contexts()) {
      for (MachineSnapshot machine : Snapshots.machines()) {
        Map<UUID, Integer> plan = strategy.planMachine(machine, context);
        assertThat(plan).as("%s for machine %s", strategy.id(), machine.deviceName()).isNotNull();
        Map<UUID, SlotSnapshot> slots = new HashMap<>();
        machine.slots().forEach(s -> slots.put(s.slotId(), s));
        assertThat(plan.keySet()).as("%s planned slots of another machine than %s", strategy.id(),
            machine.deviceName()).isSubsetOf(slots.keySet());
        plan.forEach((slotId, units) -> assertThat(units)
            .as("%s for %s on machine %s", strategy.id(), slots.get(slotId), machine.deviceName())
            .isNotNull().isBetween(0, slots.get(slotId).room()));
      }
    }
  }

  @Test
  void itsMachinePlanIsDeterministicUnderConcurrentCalls() throws Exception {
    PickListStrategy strategy = strategy();
    for (PlanContext context : Snapshots.contexts()) {
      for (MachineSnapshot machine : Snapshots.machines()) {
        assertThat(complete(machine, strategy.planMachine(machine, context)))
            .as("%s asked twice in a row for machine %s", strategy.id(), machine.deviceName())
            .isEqualTo(complete(machine, strategy.planMachine(machine, context)));
      }
    }
    List<Map<UUID, Integer>> expected = machinePlans(strategy);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Map<UUID, Integer>>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> machinePlans(strategy)));
      }
      for (Future<List<Map<UUID, Integer>>> r : results) {
        assertThat(r.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(machinePlans(strategy)).as("unchanged after many calls").isEqualTo(expected);
  }

  /**
   * A strategy that keeps the default machine hook plans each slot of a machine as {@code plan}
   * does. For one that overrides the hook, the check runs on a view of it with {@code plan} only,
   * which is what the engine would get from the default.
   */
  @Test
  void withoutAMachineRuleTheMachinePlanIsThePlanOfEachSlot() throws NoSuchMethodException {
    PickListStrategy strategy = strategy();
    boolean ownHook = strategy.getClass()
        .getMethod("planMachine", MachineSnapshot.class, PlanContext.class)
        .getDeclaringClass() != PickListStrategy.class;
    PickListStrategy perSlot = ownHook ? new PickListStrategy() {
      @Override
      public String id() {
        return strategy.id();
      }

      @Override
      public int plan(SlotSnapshot slot, PlanContext context) {
        return strategy.plan(slot, context);
      }
    } : strategy;
    for (PlanContext context : Snapshots.contexts()) {
      for (MachineSnapshot machine : Snapshots.machines()) {
        Map<UUID, Integer> expected = new HashMap<>();
        machine.slots().forEach(s -> expected.put(s.slotId(), strategy.plan(s, context)));
        assertThat(complete(machine, perSlot.planMachine(machine, context)))
            .as("%s for machine %s", strategy.id(), machine.deviceName()).isEqualTo(expected);
      }
    }
  }

  /** Every context's plan for every kit machine, each with a slot left out as 0. */
  private static List<Map<UUID, Integer>> machinePlans(PickListStrategy strategy) {
    List<Map<UUID, Integer>> result = new ArrayList<>();
    for (PlanContext context : Snapshots.contexts()) {
      for (MachineSnapshot machine : Snapshots.machines()) {
        result.add(complete(machine, strategy.planMachine(machine, context)));
      }
    }
    return result;
  }

  /** The plan with every slot of the machine, a slot the plan leaves out at 0. */
  private static Map<UUID, Integer> complete(MachineSnapshot machine, Map<UUID, Integer> plan) {
    Map<UUID, Integer> all = new HashMap<>();
    machine.slots().forEach(s -> all.put(s.slotId(), 0));
    all.putAll(plan);
    return all;
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
