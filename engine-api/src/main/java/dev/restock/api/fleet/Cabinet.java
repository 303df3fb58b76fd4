package dev.restock.api.fleet;

import dev.restock.api.stability.Stable;
import java.util.UUID;

/**
 * One cabinet of a device; part of the {@link Device} aggregate.
 *
 * @param index position in the device, 1..maxCabinets, unique per device
 * @param rows slot rows, 1..20 (letters A..T)
 * @param columns slot columns, 1..20
 */
@Stable(since = "0.1")
public record Cabinet(UUID id, int index, UUID cabinetTypeId, int rows, int columns) {}
