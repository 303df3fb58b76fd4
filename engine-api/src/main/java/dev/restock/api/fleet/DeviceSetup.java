package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import dev.restock.api.planogram.Planogram;
import java.util.List;

/**
 * A device with its cabinets and their active planograms, in cabinet order: what {@code setUp}
 * created, or what {@code getWithPlanograms} and {@code listWithPlanograms} read.
 */
@Stable(since = "0.1")
public record DeviceSetup(Device device, List<Planogram> planograms) {
  public DeviceSetup {
    planograms = List.copyOf(planograms);
  }
}
