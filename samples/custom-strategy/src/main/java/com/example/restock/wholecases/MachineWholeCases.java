package com.example.restock.wholecases;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.MachineSnapshot;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whole cases per machine rather than per slot: for each product on a machine, the units its
 * slots lack to reach par, summed over every slot of the product (in any cabinet), rounded up to
 * whole case packs, but never more whole cases than fit into the room those slots have left. The
 * driver opens each case at the machine and spreads it: first each slot up to its par, in cabinet
 * and position order, then what is left of the cases into the slots' remaining room in the same
 * order.
 *
 * <p>Planned per slot ({@link #plan}), a slot is a machine of one slot: the same rule applied to
 * it alone.
 */
public final class MachineWholeCases implements PickListStrategy {
  /** The strategy's id, as given to {@code --strategy}. */
  public static final String ID = "machine-whole-cases";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int plan(SlotSnapshot slot, PlanContext context) {
    return spread(List.of(slot)).getOrDefault(slot.slotId(), 0);
  }

  @Override
  public Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
    Map<UUID, List<SlotSnapshot>> byProduct = new LinkedHashMap<>();
    for (CabinetSnapshot cabinet : machine.cabinets()) {
      for (SlotSnapshot slot : cabinet.slots()) {
        byProduct.computeIfAbsent(slot.productId(), k -> new ArrayList<>()).add(slot);
      }
    }
    Map<UUID, Integer> plan = new LinkedHashMap<>();
    byProduct.values().forEach(slots -> plan.putAll(spread(slots)));
    return plan;
  }

  /** The units for the slots of one product on one machine; only slots that get some. */
  private static Map<UUID, Integer> spread(List<SlotSnapshot> slots) {
    int pack = Math.max(1, slots.get(0).casePack());
    int need = 0;
    int room = 0;
    for (SlotSnapshot slot : slots) {
      need += Math.max(0, slot.parLevel() - slot.quantity());
      room += slot.room();
    }
    if (need == 0) {
      return new LinkedHashMap<>();
    }
    int left = Math.min((need + pack - 1) / pack * pack, room / pack * pack);
    Map<UUID, Integer> units = new LinkedHashMap<>();
    for (SlotSnapshot slot : slots) {
      int toPar = Math.min(left, Math.max(0, slot.parLevel() - slot.quantity()));
      if (toPar > 0) {
        units.put(slot.slotId(), toPar);
        left -= toPar;
      }
    }
    for (SlotSnapshot slot : slots) {
      int more = Math.min(left, slot.room() - units.getOrDefault(slot.slotId(), 0));
      if (more > 0) {
        units.merge(slot.slotId(), more, Integer::sum);
        left -= more;
      }
    }
    return units;
  }
}
