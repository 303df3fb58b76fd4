package dev.restock.api.fleet.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CreateLocation;
import dev.restock.api.fleet.Location;
import dev.restock.api.fleet.UpdateLocation;
import dev.restock.api.aggregate.port.in.ManageAggregate;

/** Manage locations. */
@Stable(since = "0.1")
public interface LocationManagement extends ManageAggregate<Location, CreateLocation, UpdateLocation> {}
