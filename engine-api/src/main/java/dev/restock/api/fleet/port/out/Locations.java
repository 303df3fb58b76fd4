package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.Location;
import dev.restock.api.aggregate.port.out.Repository;

/**
 * Stored locations, in natural order by name, then id. Everything else is stated on {@link
 * Repository} and {@link dev.restock.api.spi.Store}.
 */
@Stable(since = "0.1")
public interface Locations extends Repository<Location> {}
