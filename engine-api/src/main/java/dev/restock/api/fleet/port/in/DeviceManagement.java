package dev.restock.api.fleet.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.aggregate.port.in.ManageAggregate;
import java.util.List;
import java.util.UUID;

/** Manage devices and their cabinets. */
@Stable(since = "0.1")
public interface DeviceManagement extends ManageAggregate<Device, CreateDevice, UpdateDevice> {

  /** @throws dev.restock.api.error.NotFoundException when no live device has this serial */
  Device getBySerialNumber(String serialNumber);

  /** Live devices on a route, by name. */
  List<Device> listByRoute(UUID routeId);

  /**
   * The live device with its cabinets and each cabinet's active planogram with its slots (cabinets
   * without one have none), in cabinet order; read in a fixed number of statements.
   *
   * @throws dev.restock.api.error.NotFoundException when no live device has this id
   */
  DeviceSetup getWithPlanograms(UUID id);

  /**
   * A page of live devices in name order, each with its cabinets and their active planograms
   * and slots, read in a fixed number of statements whatever the page size.
   */
  dev.restock.api.query.Page<DeviceSetup> listWithPlanograms(
      dev.restock.api.query.PageRequest request);

  /**
   * Creates a device, its cabinets and one active planogram per cabinet with its slots, in one
   * unit of work: all of it is written or none.
   *
   * @throws dev.restock.api.error.ValidationException naming every problem found, device,
   *     cabinets and slots together
   */
  DeviceSetup setUp(SetUpDevice command);
}
