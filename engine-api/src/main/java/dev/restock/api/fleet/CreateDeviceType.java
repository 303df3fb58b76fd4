package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;

/** Command to add a device type; {@code maxCabinets} is 1..3. */
@Stable(since = "0.1")
public record CreateDeviceType(String name, Integer maxCabinets) {
  public CreateDeviceType {
    new Checks().text(name, "name", 200).range(maxCabinets, "maxCabinets", 1, 3).throwIfAny();
  }
}
