package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.Planogram;
import java.util.List;

/** What {@code setUp} created: the device with its cabinets and their planograms. */
@Stable
public record DeviceSetup(Device device, List<Planogram> planograms) {
  public DeviceSetup {
    planograms = List.copyOf(planograms);
  }
}
