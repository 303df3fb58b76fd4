package com.example.restock.wholecases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.plugin.tck.PickListStrategyContract;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The TCK for the machine-level strategy, plus what it is for. */
class MachineWholeCasesTest extends PickListStrategyContract {
  private static final UUID DEVICE = UUID.randomUUID();
  private static final UUID COLA = UUID.randomUUID();
  private static final UUID CHIPS = UUID.randomUUID();
  private static final PlanContext CONTEXT =
      new PlanContext(UUID.randomUUID(), 7, LocalDate.of(2026, 11, 22), 0);

  @Override
  protected PickListStrategy strategy() {
    return new MachineWholeCases();
  }

  private static SlotSnapshot slot(int cabinet, String position, UUID product, int casePack,
      int capacity, int par, int quantity) {
    return new SlotSnapshot(UUID.randomUUID(), DEVICE, cabinet, position, product, capacity, par,
        quantity, casePack, null);
  }

  private static CabinetSnapshot cabinet(int index, SlotSnapshot... slots) {
    return new CabinetSnapshot(DEVICE, "M1", UUID.randomUUID(), index, List.of(slots));
  }

  private static Map<UUID, Integer> plan(CabinetSnapshot... cabinets) {
    return new MachineWholeCases().planMachine(
        new MachineSnapshot(DEVICE, "M1", List.of(cabinets)), CONTEXT);
  }

  @Test
  void roundsTheMachinesTotalOfAProductToWholeCasesAcrossCabinets() {
    SlotSnapshot a1 = slot(1, "A1", COLA, 6, 10, 8, 5);  // 3 short, room 5
    SlotSnapshot b1 = slot(1, "B1", COLA, 6, 10, 8, 6);  // 2 short, room 4
    SlotSnapshot c2 = slot(2, "A1", COLA, 6, 10, 8, 4);  // 4 short, room 6

    // 9 short over the machine -> 2 cases = 12: each slot to par (9), then 3 more in order
    assertThat(plan(cabinet(1, a1, b1), cabinet(2, c2)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(a1.slotId(), 5, b1.slotId(), 3, c2.slotId(), 4));
    // per slot, each would have been a case of its own (3 cases), or none where a case does not fit
    PickListStrategy perSlot = new WholeCases();
    assertThat(List.of(a1, b1, c2)).extracting(s -> perSlot.plan(s, CONTEXT))
        .containsExactly(0, 0, 6);
  }

  @Test
  void neverPassesTheRoomOfTheProductsSlotsAndRoundsDownToTheCasesThatFit() {
    SlotSnapshot a1 = slot(1, "A1", COLA, 6, 6, 6, 2);   // 4 short, room 4
    SlotSnapshot a2 = slot(1, "A2", COLA, 6, 6, 6, 3);   // 3 short, room 3
    // 7 short -> 2 cases (12) wanted, but only 7 units of room: 1 case, to par in order
    assertThat(plan(cabinet(1, a1, a2)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(a1.slotId(), 4, a2.slotId(), 2));
    // 2 short with room for less than a case: nothing
    SlotSnapshot tight = slot(1, "A1", COLA, 6, 6, 6, 4);
    assertThat(plan(cabinet(1, tight))).isEmpty();
  }

  @Test
  void eachProductIsRoundedOnItsOwnAndProductsAtParGetNothing() {
    SlotSnapshot cola = slot(1, "A1", COLA, 6, 20, 10, 9);   // 1 short -> 1 case
    SlotSnapshot chips = slot(1, "A2", CHIPS, 12, 30, 12, 0); // 12 short -> 1 case
    SlotSnapshot full = slot(2, "A1", CHIPS, 12, 30, 12, 12); // at par: room for the chips' case
    assertThat(plan(cabinet(1, cola, chips), cabinet(2, full)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(cola.slotId(), 6, chips.slotId(), 12));
  }
}
