package dev.restock.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The machine-hook checks of {@link PickListStrategyContract} fail on strategies that break them. */
class PickListStrategyContractCatchesBrokenStrategiesTest {

  /** Plans half the room of every slot, per slot only: keeps every rule. */
  static class HalfTheRoom implements PickListStrategy {
    @Override
    public String id() {
      return "half-the-room";
    }

    @Override
    public int plan(SlotSnapshot slot, PlanContext context) {
      return slot.room() / 2;
    }
  }

  static class PlansASlotOfAnotherMachine extends HalfTheRoom {
    @Override
    public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      Map<UUID, Integer> plan = new HashMap<>(super.planMachine(machine, context));
      plan.put(new UUID(99, 99), 0);
      return plan;
    }
  }

  static class OverfillsAFullSlot extends HalfTheRoom {
    @Override
    public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      Map<UUID, Integer> plan = new HashMap<>(super.planMachine(machine, context));
      machine.slots().stream().filter(s -> s.room() == 0)
          .forEach(s -> plan.put(s.slotId(), 1));
      return plan;
    }
  }

  static class AnswersNullForASlot extends HalfTheRoom {
    @Override
    public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      Map<UUID, Integer> plan = new HashMap<>(super.planMachine(machine, context));
      machine.slots().stream().findFirst().ifPresent(s -> plan.put(s.slotId(), null));
      return plan;
    }
  }

  static class CountsItsMachineCalls extends HalfTheRoom {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      Map<UUID, Integer> plan = new HashMap<>(super.planMachine(machine, context));
      machine.slots().stream().filter(s -> s.room() > 0).findFirst()
          .ifPresent(s -> plan.put(s.slotId(), calls.incrementAndGet() % 2));
      return plan;
    }
  }

  /** Keeps the default hook, but its per-slot plan changes from call to call. */
  static class FlipsOnEachCall implements PickListStrategy {
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public String id() {
      return "flips";
    }

    @Override
    public int plan(SlotSnapshot slot, PlanContext context) {
      return Math.min(slot.room(), calls.incrementAndGet() % 2);
    }
  }

  /** Loads nothing per machine though its per-slot plan loads: fine, it has a machine rule. */
  static class LoadsNothingPerMachine extends HalfTheRoom {
    @Override
    public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
      return Map.of();
    }
  }

  public static class HalfTheRoomContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new HalfTheRoom(); }
  }

  public static class ForeignSlotContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new PlansASlotOfAnotherMachine(); }
  }

  public static class OverfillContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new OverfillsAFullSlot(); }
  }

  public static class NullContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new AnswersNullForASlot(); }
  }

  public static class CountingContract extends PickListStrategyContract {
    private final PickListStrategy shared = new CountsItsMachineCalls();

    @Override protected PickListStrategy strategy() { return shared; }
  }

  public static class FlipsContract extends PickListStrategyContract {
    private final PickListStrategy shared = new FlipsOnEachCall();

    @Override protected PickListStrategy strategy() { return shared; }
  }

  public static class NothingPerMachineContract extends PickListStrategyContract {
    @Override protected PickListStrategy strategy() { return new LoadsNothingPerMachine(); }
  }

  private static Events run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute()
        .testEvents();
  }

  private static List<String> failed(Class<?> contract) {
    return run(contract).failed().stream()
        .map(Event::getTestDescriptor).map(d -> d.getDisplayName().replace("()", "")).toList();
  }

  @Test
  void aStrategyKeepingEveryRulePassesEveryCheck() {
    Events events = run(HalfTheRoomContract.class);
    assertThat(events.failed().count()).isZero();
    assertThat(events.succeeded().count()).isEqualTo(8);
  }

  @Test
  void aMachinePlanForASlotOfAnotherMachineFails() {
    assertThat(failed(ForeignSlotContract.class))
        .containsExactly("itsMachinePlanNamesOnlyTheMachinesSlotsAndStaysWithinEachSlotsRoom");
  }

  @Test
  void aMachinePlanBeyondASlotsRoomOrNullFails() {
    assertThat(failed(OverfillContract.class))
        .containsExactly("itsMachinePlanNamesOnlyTheMachinesSlotsAndStaysWithinEachSlotsRoom");
    assertThat(failed(NullContract.class))
        .containsExactly("itsMachinePlanNamesOnlyTheMachinesSlotsAndStaysWithinEachSlotsRoom");
  }

  @Test
  void aMachinePlanThatChangesFromCallToCallFails() {
    assertThat(failed(CountingContract.class))
        .containsExactly("itsMachinePlanIsDeterministicUnderConcurrentCalls");
  }

  @Test
  void withoutAMachineRuleAMachinePlanUnlikeThePerSlotPlansFails() {
    assertThat(failed(FlipsContract.class))
        .contains("withoutAMachineRuleTheMachinePlanIsThePlanOfEachSlot");
  }

  @Test
  void aMachineRuleMayDifferFromThePerSlotPlan() {
    assertThat(failed(NothingPerMachineContract.class)).isEmpty();
  }
}
