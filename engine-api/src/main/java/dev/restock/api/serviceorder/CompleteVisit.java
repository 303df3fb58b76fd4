package dev.restock.api.serviceorder;

import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the driver put into each slot. Slots not listed get their planned quantity.
 *
 * <p>Each line is checked against its slot's product now: the office may have re-planned a slot
 * (cola to water, or emptied it) after the order was dispatched. By default such a mismatch is
 * refused, naming every mismatched slot; with {@code mismatchAsUndelivered} those lines are
 * recorded as undelivered (0 units, the slot untouched) and the rest of the visit completes.
 *
 * @param delivered units per slot id, 0 to {@link SlotSpec#CAPACITY_MAX}; a null slot id is
 *     refused as {@code delivered[null]}, null units as {@code delivered[<slot id>]}
 * @param returnUndelivered put planned-but-undelivered units back into warehouse stock
 *     (mismatched lines included)
 * @param notes optional driver notes
 * @param mismatchAsUndelivered record lines whose slot now holds another product, no product, or
 *     no longer exists as undelivered instead of refusing the completion (since 0.2)
 */
@Stable(since = "0.1")
public record CompleteVisit(
    @Nullable Map<UUID, Integer> delivered, boolean returnUndelivered, @Nullable String notes,
    @Experimental(since = "0.2") boolean mismatchAsUndelivered) {
  public CompleteVisit {
    // a copy that keeps null keys and values, so they are named (Map.copyOf throws on them)
    Map<UUID, Integer> given = delivered == null ? Map.of() : new LinkedHashMap<>(delivered);
    // notes may span lines (a driver's report); every other text field is single-line
    Checks checks = new Checks().optionalMultiLineText(notes, "notes", 1000);
    // a slot holds at most SlotSpec.CAPACITY_MAX units, so no delivery to one slot is larger
    given.forEach((slot, units) -> {
      if (slot == null) {
        checks.add("delivered[null]", "a slot id is required");
      } else {
        checks.range(units, "delivered[" + slot + "]", 0, SlotSpec.CAPACITY_MAX);
      }
    });
    checks.throwIfAny();
    delivered = Map.copyOf(given);
  }

  /** A completion that refuses lines whose slot was re-planned (the 0.1 signature). */
  public CompleteVisit(@Nullable Map<UUID, Integer> delivered, boolean returnUndelivered,
      @Nullable String notes) {
    this(delivered, returnUndelivered, notes, false);
  }

  /** Everything delivered as planned. */
  public static CompleteVisit asPlanned() {
    return new CompleteVisit(Map.of(), false, null);
  }
}
