package dev.restock.api.planogram;

import dev.restock.api.fleet.Device;
import java.util.List;

/** What {@code setUp} created: the device with its cabinets and their planograms. */
public record DeviceSetup(Device device, List<Planogram> planograms) {
  public DeviceSetup {
    planograms = List.copyOf(planograms);
  }
}
