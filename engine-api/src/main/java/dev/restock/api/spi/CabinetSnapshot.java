package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
import java.util.List;
import java.util.UUID;

/** What a visit policy knows about one cabinet: its stocked slots under its active planogram. */
@Stable(since = "0.1")
public record CabinetSnapshot(
    UUID deviceId, String deviceName, UUID cabinetId, int cabinetIndex, List<SlotSnapshot> slots) {
  public CabinetSnapshot {
    slots = List.copyOf(slots);
  }
}
