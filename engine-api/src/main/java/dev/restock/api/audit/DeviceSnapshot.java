package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A device as it was at one moment, with its cabinets, their planograms and slots, each as the
 * audited state of the time (field name to value).
 */
@Experimental(since = "0.1")
public record DeviceSnapshot(
    Instant asOf, UUID deviceId, Map<String, String> device, List<CabinetState> cabinets) {
  public DeviceSnapshot {
    device = Map.copyOf(device);
    cabinets = List.copyOf(cabinets);
  }

  /** One cabinet with the planograms that pointed at it. */
  public record CabinetState(UUID id, Map<String, String> cabinet, List<PlanogramState> planograms) {
    public CabinetState {
      cabinet = Map.copyOf(cabinet);
      planograms = List.copyOf(planograms);
    }
  }

  /** One planogram with its slots. */
  public record PlanogramState(UUID id, Map<String, String> planogram, List<Map<String, String>> slots) {
    public PlanogramState {
      planogram = Map.copyOf(planogram);
      slots = slots.stream().map(Map::copyOf).toList();
    }
  }
}
