package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.Device;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored devices with their cabinets, listed by name. A device's cabinets are written with it:
 * {@link #add} inserts them, {@link #update} keeps the cabinets of {@code Device.cabinets()} by id.
 * A deleted device is read without its cabinets (they are deleted with it); a restore brings
 * them back.
 */
@Stable(since = "0.1")
public interface Devices extends Repository<Device> {

  /** The live device with this serial number. */
  Optional<Device> findBySerialNumber(String serialNumber);

  /**
   * Live devices on a route with their cabinets, ordered by name, read in a fixed number of
   * statements whatever their number.
   */
  List<Device> listByRoute(UUID routeId);

  /** The live device holding this cabinet. */
  Optional<Device> findByCabinet(UUID cabinetId);
}
