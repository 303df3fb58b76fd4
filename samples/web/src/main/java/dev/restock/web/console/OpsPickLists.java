package dev.restock.web.console;

import dev.restock.api.fleet.Cabinet;
import dev.restock.api.fleet.Device;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A pick list grouped for people: per machine of the route, per cabinet, the slots to fill. A
 * machine with nothing to fill is kept (with no lines), so the board shows the whole route.
 */
public final class OpsPickLists {
  private OpsPickLists() {}

  /**
   * One cabinet's lines.
   *
   * @param index the cabinet's index in its machine
   * @param lines the slots to fill, in position order
   */
  public record CabinetNeed(int index, List<PickLine> lines) {
    /** Units over the cabinet's lines. */
    public int units() {
      return lines.stream().mapToInt(PickLine::pick).sum();
    }
  }

  /**
   * One machine's needs.
   *
   * @param deviceId the machine
   * @param name its name
   * @param serialNumber its serial number, or null when the machine is no longer on the route
   * @param cabinets its cabinets with something to fill
   */
  public record MachineNeed(UUID deviceId, String name, String serialNumber,
      List<CabinetNeed> cabinets) {
    /** Units over the machine's cabinets. */
    public int units() {
      return cabinets.stream().mapToInt(CabinetNeed::units).sum();
    }
  }

  /** The route's machines in the given order, each with the pick list's lines for it. */
  static List<MachineNeed> byMachine(List<Device> devices, PickList list) {
    List<MachineNeed> machines = new ArrayList<>();
    List<UUID> seen = new ArrayList<>();
    for (Device d : devices) {
      List<CabinetNeed> cabinets = new ArrayList<>();
      for (Cabinet c : d.cabinets()) {
        List<PickLine> lines = list.lines().stream()
            .filter(l -> l.deviceId().equals(d.id()) && l.cabinetIndex() == c.index()).toList();
        if (!lines.isEmpty()) {
          cabinets.add(new CabinetNeed(c.index(), lines));
        }
      }
      machines.add(new MachineNeed(d.id(), d.name(), d.serialNumber(), cabinets));
      seen.add(d.id());
    }
    // lines of machines the device list did not name (moved off the route meanwhile)
    for (PickLine l : list.lines()) {
      if (!seen.contains(l.deviceId())) {
        seen.add(l.deviceId());
        List<CabinetNeed> cabinets = new ArrayList<>();
        list.lines().stream().filter(x -> x.deviceId().equals(l.deviceId()))
            .map(PickLine::cabinetIndex).distinct().forEach(i -> cabinets.add(new CabinetNeed(i,
                list.lines().stream().filter(x -> x.deviceId().equals(l.deviceId())
                    && x.cabinetIndex() == i).toList())));
        machines.add(new MachineNeed(l.deviceId(), l.deviceName(), null, cabinets));
      }
    }
    return machines;
  }
}
