package dev.restock.api.planogram;

import dev.restock.api.stability.Experimental;
import java.util.UUID;

/** Where a slot is: device, cabinet, planogram and position; for messages and reports. */
@Experimental(since = "0.1")
public record SlotLocation(
    UUID slotId, String position, UUID planogramId, UUID deviceId, String deviceName,
    int cabinetIndex) {

  /** E.g. {@code Lobby 1 / cabinet 1 / A3}. */
  public String describe() {
    return deviceName + " / cabinet " + cabinetIndex + " / " + position;
  }
}
