package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to change a device; null fields stay as they are. {@code unassignRoute} true removes
 * the device from its route (and then {@code routeId} must be null).
 */
@Stable(since = "0.1")
public record UpdateDevice(
    @Nullable String name, @Nullable String serialNumber, @Nullable UUID locationId, @Nullable UUID routeId, boolean unassignRoute) {
  public UpdateDevice {
    serialNumber = serialNumber == null ? null : serialNumber.strip();
    new Checks()
        .optionalText(name, "name", 200)
        .optionalIdentifier(serialNumber, "serialNumber", 64)
        .check(!(unassignRoute && routeId != null), "routeId",
            "cannot set a route and unassign it at once")
        .throwIfAny();
  }
}
