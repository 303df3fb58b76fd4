package dev.restock.api.planogram;

import dev.restock.api.shared.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Command to give a cabinet a new active planogram (replacing the active one, if any). */
public record CreatePlanogram(UUID cabinetId, String name, List<SlotSpec> slots) {
  public CreatePlanogram {
    slots = slots == null ? List.of() : List.copyOf(slots);
    Checks checks = new Checks().notNull(cabinetId, "cabinetId").text(name, "name", 200);
    duplicatePositions(slots, "slots", checks);
    checks.throwIfAny();
  }

  static void duplicatePositions(List<SlotSpec> slots, String field, Checks checks) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < slots.size(); i++) {
      checks.check(seen.add(slots.get(i).position()), field + "[" + i + "].position",
          "duplicate position " + slots.get(i).position());
    }
  }
}
