package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Command to create a device, its cabinets and their planograms in one call. */
@Stable(since = "0.1")
public record SetUpDevice(CreateDevice device, @Nullable List<CabinetPlanogram> planograms) {
  public SetUpDevice {
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<CabinetPlanogram> given = planograms == null ? List.of() : new ArrayList<>(planograms);
    Checks checks = new Checks().notNull(device, "device").noNullElements(given, "planograms");
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i) == null) {
        continue;
      }
      int index = given.get(i).cabinetIndex();
      checks.check(seen.add(index), "planograms[" + i + "].cabinetIndex",
          "cabinet " + index + " has two planograms");
      if (device != null) {
        checks.check(device.cabinets().stream().anyMatch(c -> c.index() == index),
            "planograms[" + i + "].cabinetIndex", "no cabinet with index " + index);
      }
    }
    checks.throwIfAny();
    planograms = List.copyOf(given);
  }
}
