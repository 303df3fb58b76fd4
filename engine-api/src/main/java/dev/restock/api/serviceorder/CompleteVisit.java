package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.validation.Checks;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the driver put into each slot. Slots not listed get their planned quantity.
 *
 * @param delivered units per slot id, 0 to {@link SlotSpec#CAPACITY_MAX}
 * @param returnUndelivered put planned-but-undelivered units back into warehouse stock
 * @param notes optional driver notes
 */
@Stable(since = "0.1")
public record CompleteVisit(@Nullable Map<UUID, Integer> delivered, boolean returnUndelivered, @Nullable String notes) {
  public CompleteVisit {
    delivered = delivered == null ? Map.of() : Map.copyOf(delivered);
    // notes may span lines (a driver's report); every other text field is single-line
    Checks checks = new Checks().optionalMultiLineText(notes, "notes", 1000);
    // a slot holds at most SlotSpec.CAPACITY_MAX units, so no delivery to one slot is larger
    delivered.forEach((slot, units) -> checks.range(units, "delivered[" + slot + "]", 0,
        SlotSpec.CAPACITY_MAX));
    checks.throwIfAny();
  }

  /** Everything delivered as planned. */
  public static CompleteVisit asPlanned() {
    return new CompleteVisit(Map.of(), false, null);
  }
}
