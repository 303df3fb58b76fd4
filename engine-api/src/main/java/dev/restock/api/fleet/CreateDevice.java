package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to add a device with its cabinets. {@code routeId} is optional. Checks that do not need
 * the database (fields, cabinet grid, duplicate indexes) run here; the use case checks references
 * and the device type's cabinet limit.
 */
@Stable(since = "0.1")
public record CreateDevice(
    String name, String serialNumber, UUID locationId, @Nullable UUID routeId, UUID deviceTypeId,
    @Nullable List<CabinetSpec> cabinets) {
  public CreateDevice {
    serialNumber = serialNumber == null ? null : serialNumber.strip();
    // a copy that keeps nulls, so they are named (List.copyOf throws on them)
    List<CabinetSpec> given = cabinets == null ? List.of() : new ArrayList<>(cabinets);
    Checks checks = new Checks()
        .text(name, "name", 200)
        .identifier(serialNumber, "serialNumber", 64)
        .notNull(locationId, "locationId")
        .notNull(deviceTypeId, "deviceTypeId")
        .check(!given.isEmpty(), "cabinets", "at least one cabinet is required")
        .noNullElements(given, "cabinets");
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      CabinetSpec cabinet = given.get(i);
      if (cabinet != null) {
        checks.check(seen.add(cabinet.index()), "cabinets[" + i + "].index",
            "duplicate cabinet index " + cabinet.index());
      }
    }
    checks.throwIfAny();
    cabinets = List.copyOf(given);
  }
}
