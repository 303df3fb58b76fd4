package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to load into one slot, and what was delivered. Lines are per slot, never per product.
 *
 * @param delivered units actually put in the slot; null until the visit is completed
 */
@Stable(since = "0.1")
public record OrderLine(
    UUID id, UUID slotId, String position, UUID productId, int planned, @Nullable Integer delivered) {}
