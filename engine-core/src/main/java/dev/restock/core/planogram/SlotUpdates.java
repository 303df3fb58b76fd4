package dev.restock.core.planogram;

import dev.restock.api.planogram.Planogram;
import dev.restock.api.planogram.Slot;
import dev.restock.api.spi.Store;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reading slots with their planograms and writing changed slots back, for use cases that change
 * slot quantities (sales, visits). One read for all slots; one update per planogram touched.
 */
public final class SlotUpdates {
  private SlotUpdates() {}

  /** Live planograms holding these slots, keyed by slot id; unknown slots are absent. */
  public static Map<UUID, Planogram> planogramsBySlot(Store store, Collection<UUID> slotIds) {
    Map<UUID, Planogram> bySlot = new HashMap<>();
    if (!slotIds.isEmpty()) {
      store.planograms().findBySlotIds(slotIds)
          .forEach(p -> p.slots().forEach(s -> bySlot.put(s.id(), p)));
    }
    return bySlot;
  }

  /** Stores the changed slots into their planograms (as read by {@link #planogramsBySlot}). */
  public static void write(Store store, Map<UUID, Planogram> bySlot, Collection<Slot> changed) {
    Map<UUID, Map<UUID, Slot>> byPlanogram = new LinkedHashMap<>();
    for (Slot slot : changed) {
      byPlanogram.computeIfAbsent(bySlot.get(slot.id()).id(), k -> new HashMap<>())
          .put(slot.id(), slot);
    }
    Map<UUID, Planogram> planograms = new HashMap<>();
    bySlot.values().forEach(p -> planograms.put(p.id(), p));
    byPlanogram.forEach((planogramId, slots) -> {
      Planogram p = planograms.get(planogramId);
      store.planograms().update(p.withSlots(
          p.slots().stream().map(s -> slots.getOrDefault(s.id(), s)).toList()));
    });
  }
}
