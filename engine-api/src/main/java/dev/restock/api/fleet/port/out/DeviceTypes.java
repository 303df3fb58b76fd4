package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.DeviceType;
import dev.restock.api.aggregate.port.out.Repository;

/** Stored device types, listed by name. */
@Stable(since = "0.1")
public interface DeviceTypes extends Repository<DeviceType> {}
