package dev.restock.api.report;

import dev.restock.api.stability.Experimental;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One slot of an active planogram of a live device, with its fill, for the low-stock and
 * sold-out reports.
 *
 * @param percentOfPar quantity as a percentage of the par level, rounded down
 */
@Experimental(since = "0.1")
public record SlotStock(
    @Nullable String routeCode, UUID deviceId, String deviceName, int cabinetIndex, String position,
    UUID slotId, UUID productId, String sku, int quantity, int parLevel, int capacity,
    int percentOfPar) {}
