package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import org.jspecify.annotations.Nullable;

/** Command to change a device type; null fields stay as they are. */
@Stable(since = "0.1")
public record UpdateDeviceType(@Nullable String name, @Nullable Integer maxCabinets) {
  public UpdateDeviceType {
    Checks checks = new Checks().optionalText(name, "name", 200);
    if (maxCabinets != null) {
      checks.range(maxCabinets, "maxCabinets", 1, 3);
    }
    checks.throwIfAny();
  }
}
