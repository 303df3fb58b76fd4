package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.Location;
import dev.restock.api.aggregate.port.out.Repository;

/** Stored locations, listed by name. */
@Stable(since = "0.1")
public interface Locations extends Repository<Location> {}
