package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sales of one slot: either units sold, or the count observed in the slot now (sales = previous
 * quantity − observed). Exactly one of the two is given, between 0 and {@link
 * SlotSpec#CAPACITY_MAX}.
 */
@Stable(since = "0.1")
public record SaleEntry(UUID slotId, @Nullable Integer unitsSold, @Nullable Integer observedCount) {
  public SaleEntry {
    Checks checks = new Checks().notNull(slotId, "slotId")
        .check((unitsSold == null) != (observedCount == null), "unitsSold",
            "give either unitsSold or observedCount, not both or neither");
    // a slot never holds more than SlotSpec.CAPACITY_MAX, so neither count can exceed it
    if (unitsSold != null) {
      checks.range(unitsSold, "unitsSold", 0, SlotSpec.CAPACITY_MAX);
    }
    if (observedCount != null) {
      checks.range(observedCount, "observedCount", 0, SlotSpec.CAPACITY_MAX);
    }
    checks.throwIfAny();
  }

  public static SaleEntry sold(UUID slotId, int units) {
    return new SaleEntry(slotId, units, null);
  }

  public static SaleEntry observed(UUID slotId, int count) {
    return new SaleEntry(slotId, null, count);
  }
}
