package dev.restock.api.fleet.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CreateDeviceType;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.fleet.UpdateDeviceType;
import dev.restock.api.aggregate.port.in.ManageAggregate;

/** Manage device types. */
@Stable(since = "0.1")
public interface DeviceTypeManagement
    extends ManageAggregate<DeviceType, CreateDeviceType, UpdateDeviceType> {}
