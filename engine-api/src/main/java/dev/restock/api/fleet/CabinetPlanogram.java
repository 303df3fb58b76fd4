package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.validation.Checks;
import java.util.List;

/** The planogram to give one cabinet (by index) while setting up a device. */
@Stable(since = "0.1")
public record CabinetPlanogram(Integer cabinetIndex, String name, List<SlotSpec> slots) {
  public CabinetPlanogram {
    slots = slots == null ? List.of() : List.copyOf(slots);
    Checks checks = new Checks().range(cabinetIndex, "cabinetIndex", 1, 3).text(name, "name", 200);
    SlotSpec.duplicatePositions(slots, "slots", checks);
    checks.throwIfAny();
  }
}
