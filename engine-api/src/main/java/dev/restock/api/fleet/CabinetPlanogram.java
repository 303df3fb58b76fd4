package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.SlotSpec;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.List;

/** The planogram to give one cabinet (by index) while setting up a device. */
@Stable(since = "0.1")
public record CabinetPlanogram(Integer cabinetIndex, String name, List<SlotSpec> slots) {
  public CabinetPlanogram {
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<SlotSpec> given = slots == null ? List.of() : new ArrayList<>(slots);
    Checks checks = new Checks().range(cabinetIndex, "cabinetIndex", 1, 3).text(name, "name", 200);
    checks.noNullElements(given, "slots");
    SlotSpec.duplicatePositions(given, "slots", checks);
    checks.throwIfAny();
    slots = List.copyOf(given);
  }
}
