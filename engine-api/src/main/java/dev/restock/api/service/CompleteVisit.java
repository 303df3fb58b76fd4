package dev.restock.api.service;

import dev.restock.api.stability.Stable;
import dev.restock.api.shared.Checks;
import java.util.Map;
import java.util.UUID;

/**
 * What the driver put into each slot. Slots not listed get their planned quantity.
 *
 * @param delivered units per slot id, never negative
 * @param returnUndelivered put planned-but-undelivered units back into warehouse stock
 * @param notes optional driver notes
 */
@Stable
public record CompleteVisit(Map<UUID, Integer> delivered, boolean returnUndelivered, String notes) {
  public CompleteVisit {
    delivered = delivered == null ? Map.of() : Map.copyOf(delivered);
    Checks checks = new Checks().optionalText(notes, "notes", 1000);
    delivered.forEach((slot, units) -> checks.check(units != null && units >= 0,
        "delivered[" + slot + "]", "must not be negative (was " + units + ")"));
    checks.throwIfAny();
  }

  /** Everything delivered as planned. */
  public static CompleteVisit asPlanned() {
    return new CompleteVisit(Map.of(), false, null);
  }
}
