package dev.restock.api.fleet.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.fleet.CabinetType;
import dev.restock.api.fleet.CreateCabinetType;
import dev.restock.api.fleet.UpdateCabinetType;
import dev.restock.api.aggregate.port.in.ManageAggregate;

/** Manage cabinet types. */
@Stable(since = "0.1")
public interface CabinetTypeManagement
    extends ManageAggregate<CabinetType, CreateCabinetType, UpdateCabinetType> {}
