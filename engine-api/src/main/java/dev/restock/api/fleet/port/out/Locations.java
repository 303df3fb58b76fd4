package dev.restock.api.fleet.port.out;

import dev.restock.api.fleet.Location;
import dev.restock.api.shared.port.out.Repository;

/** Stored locations, listed by name. */
public interface Locations extends Repository<Location> {}
