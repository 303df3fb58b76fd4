package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Command to give a cabinet a new active planogram (replacing the active one, if any). */
@Stable(since = "0.1")
public record CreatePlanogram(UUID cabinetId, String name, @Nullable List<SlotSpec> slots) {
  public CreatePlanogram {
    slots = slots == null ? List.of() : List.copyOf(slots);
    Checks checks = new Checks().notNull(cabinetId, "cabinetId").text(name, "name", 200);
    SlotSpec.duplicatePositions(slots, "slots", checks);
    checks.throwIfAny();
  }
}
