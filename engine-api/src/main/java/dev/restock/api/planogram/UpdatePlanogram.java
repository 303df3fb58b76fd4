package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Command to change a planogram; null fields stay as they are. When {@code slots} is given it
 * becomes the full slot list: slots are matched by position (kept, changed or added), and
 * positions no longer listed are removed.
 */
@Stable(since = "0.1")
public record UpdatePlanogram(@Nullable String name, @Nullable List<SlotSpec> slots) {
  public UpdatePlanogram {
    slots = slots == null ? null : List.copyOf(slots);
    Checks checks = new Checks().optionalText(name, "name", 200);
    if (slots != null) {
      SlotSpec.duplicatePositions(slots, "slots", checks);
    }
    checks.throwIfAny();
  }
}
