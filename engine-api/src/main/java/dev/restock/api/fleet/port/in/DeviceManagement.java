package dev.restock.api.fleet.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CreateDevice;
import dev.restock.api.fleet.Device;
import dev.restock.api.fleet.UpdateDevice;
import dev.restock.api.fleet.DeviceSetup;
import dev.restock.api.fleet.SetUpDevice;
import dev.restock.api.shared.port.in.ManageAggregate;
import java.util.List;
import java.util.UUID;

/** Manage devices and their cabinets. */
@Stable
public interface DeviceManagement extends ManageAggregate<Device, CreateDevice, UpdateDevice> {

  /** @throws dev.restock.api.error.NotFoundException when no live device has this serial */
  Device getBySerialNumber(String serialNumber);

  /** Live devices on a route, by name. */
  List<Device> listByRoute(UUID routeId);

  /**
   * Creates a device, its cabinets and one active planogram per cabinet with its slots, in one
   * unit of work: all of it is written or none.
   *
   * @throws dev.restock.api.error.ValidationException naming every problem found, device,
   *     cabinets and slots together
   */
  DeviceSetup setUp(SetUpDevice command);
}
