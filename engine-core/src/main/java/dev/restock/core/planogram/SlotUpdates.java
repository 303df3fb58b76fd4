package dev.restock.core.planogram;

import dev.restock.api.planogram.Slot;
import dev.restock.api.spi.Store;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Reading and writing many slots at once, for use cases that change slot quantities (sales,
 * visits): one read for all slots, one batch for all changes, whatever their number.
 */
public final class SlotUpdates {
  private SlotUpdates() {}

  /** Live slots by id; unknown slots are absent. */
  public static Map<UUID, Slot> slots(Store store, Collection<UUID> slotIds) {
    return slotIds.isEmpty() ? Map.of() : store.planograms().findSlots(slotIds);
  }

  /** Stores the changed slots in one batch. */
  public static void write(Store store, Collection<Slot> changed) {
    if (!changed.isEmpty()) {
      store.planograms().updateSlots(changed);
    }
  }
}
