package dev.restock.api.fleet.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.aggregate.port.out.Repository;

/** Stored cabinet types, listed by name. */
@Stable(since = "0.1")
public interface CabinetTypes extends Repository<CabinetType> {}
