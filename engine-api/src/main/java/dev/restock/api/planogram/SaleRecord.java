package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.UUID;

/**
 * A recorded sale: units sold from one slot, with the slot quantity before and after. Feeds
 * sales-rate statistics.
 */
@Stable(since = "0.1")
public record SaleRecord(
    UUID id, UUID slotId, UUID productId, int units, int previousQuantity, int newQuantity,
    Instant recordedAt, UUID recordedBy) {}
