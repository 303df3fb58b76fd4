package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.shared.Checks;
import java.util.UUID;

/**
 * Sales of one slot: either units sold, or the count observed in the slot now (sales = previous
 * quantity − observed). Exactly one of the two is given, and it is not negative.
 */
@Stable
public record SaleEntry(UUID slotId, Integer unitsSold, Integer observedCount) {
  public SaleEntry {
    Checks checks = new Checks().notNull(slotId, "slotId")
        .check((unitsSold == null) != (observedCount == null), "unitsSold",
            "give either unitsSold or observedCount, not both or neither");
    if (unitsSold != null) {
      checks.check(unitsSold >= 0, "unitsSold", "must not be negative (was " + unitsSold + ")");
    }
    if (observedCount != null) {
      checks.check(observedCount >= 0, "observedCount",
          "must not be negative (was " + observedCount + ")");
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
