package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Command to give a cabinet a new active planogram (replacing the active one, if any). */
@Stable(since = "0.1")
public record CreatePlanogram(UUID cabinetId, String name, @Nullable List<SlotSpec> slots) {
  public CreatePlanogram {
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<SlotSpec> given = slots == null ? List.of() : new ArrayList<>(slots);
    Checks checks = new Checks().notNull(cabinetId, "cabinetId").text(name, "name", 200);
    checks.noNullElements(given, "slots");
    SlotSpec.duplicatePositions(given, "slots", checks);
    checks.throwIfAny();
    slots = List.copyOf(given);
  }
}
