package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.Device;
import dev.restock.api.aggregate.port.out.Repository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored devices with their cabinets, in natural order by name, then id; a device's cabinets come
 * in index order. Serial numbers are unique among live devices ({@link #add} and {@link #update}
 * throw a {@link dev.restock.api.error.ConflictException} naming the serial number). The rules all
 * store ports follow are on {@link dev.restock.api.spi.Store}; what every repository does is on
 * {@link Repository}.
 *
 * <p>A device's cabinets are written with it: {@link #add} inserts them, {@link #update} keeps
 * the cabinets of {@code Device.cabinets()} by id (an update that only renames the device returns
 * the same cabinets and a higher version). {@link #softDelete} deletes, in the same revision, the
 * device, its cabinets, their planograms (active or not) and those planograms' slots; a deleted
 * device is read without its cabinets. {@link #restore} brings back exactly what the device's
 * deletion took, each restored child with a revision of its own, and leaves deleted what had been
 * deleted before on its own (a planogram deleted earlier stays deleted). Checked by {@code
 * StoreContract} and {@code AuditContract}.
 */
@Stable(since = "0.1")
public interface Devices extends Repository<Device> {

  /** The live device with this serial number, with its cabinets; deleted devices are not seen. */
  Optional<Device> findBySerialNumber(String serialNumber);

  /**
   * Live devices on a route with their cabinets, ordered by name, then id, read in a fixed number
   * of statements whatever their number (see {@link dev.restock.api.spi.Store}). Empty for an
   * unknown route.
   */
  List<Device> listByRoute(UUID routeId);

  /**
   * The live device holding this cabinet, with all its cabinets; empty when the cabinet or its
   * device is deleted, or the id is unknown.
   */
  Optional<Device> findByCabinet(UUID cabinetId);
}
