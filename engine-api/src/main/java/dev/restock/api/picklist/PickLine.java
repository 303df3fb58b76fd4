package dev.restock.api.picklist;

import dev.restock.api.stability.Stable;
import java.util.UUID;

/** What to load for one slot: {@code pick} units of the product. */
@Stable(since = "0.1")
public record PickLine(
    UUID deviceId, String deviceName, int cabinetIndex, UUID slotId, String position,
    UUID productId, String sku, String productName, int capacity, int parLevel, int quantity,
    int pick) {}
