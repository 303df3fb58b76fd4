package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command to change a planogram; null fields stay as they are. When {@code slots} is given it
 * becomes the full slot list: slots are matched by position (kept, changed or added), and
 * positions no longer listed are removed. A slot whose {@link SlotSpec#quantity() quantity} is
 * omitted (null) keeps the quantity of the slot at its position when the product stays the same
 * (refused, naming {@code slots[i].quantity}, when that is more than the new capacity), and has
 * quantity 0 when it is new or its product changes: the units of the old product are not the new
 * one's. To change one slot without resending the others, use {@link
 * dev.restock.api.planogram.port.in.PlanogramManagement#setSlot}.
 */
@Stable(since = "0.1")
public record UpdatePlanogram(@Nullable String name, @Nullable List<SlotSpec> slots) {
  public UpdatePlanogram {
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<SlotSpec> given = slots == null ? null : new ArrayList<>(slots);
    Checks checks = new Checks().optionalText(name, "name", 200);
    if (given != null) {
      checks.noNullElements(given, "slots");
      SlotSpec.duplicatePositions(given, "slots", checks);
    }
    checks.throwIfAny();
    slots = given == null ? null : List.copyOf(given);
  }
}
