package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a pick-list strategy knows about one machine (device) when it plans the machine as a whole:
 * every cabinet of the device that is being planned, each with its stocked slots. Handed to
 * {@link PickListStrategy#planMachine}.
 *
 * <p>Only cabinets with an active planogram that the pick list covers appear (a service order may
 * cover some of a device's cabinets only), in cabinet-index order; a cabinet may have no stocked
 * slot. Slots keep their position order within a cabinet. The same product may stock several
 * slots, in one cabinet or across cabinets; its {@link SlotSnapshot#casePack()} is then the same
 * in each of them.
 *
 * @param deviceId the device
 * @param deviceName its name, for messages
 * @param cabinets the cabinets planned, by cabinet index; each belongs to this device
 */
@Experimental(since = "0.2")
public record MachineSnapshot(UUID deviceId, String deviceName, List<CabinetSnapshot> cabinets) {

  /**
   * Copies the cabinets.
   *
   * @throws IllegalArgumentException when a cabinet belongs to another device
   */
  public MachineSnapshot {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(deviceName, "deviceName");
    cabinets = List.copyOf(cabinets);
    for (CabinetSnapshot cabinet : cabinets) {
      if (!deviceId.equals(cabinet.deviceId())) {
        throw new IllegalArgumentException("cabinet " + cabinet.cabinetId() + " belongs to device "
            + cabinet.deviceId() + ", not to machine " + deviceId);
      }
    }
  }

  /** Every stocked slot of the machine: cabinet by cabinet, in position order within each. */
  public List<SlotSnapshot> slots() {
    return cabinets.stream().flatMap(c -> c.slots().stream()).toList();
  }
}
