package dev.restock.api.planogram;

import dev.restock.api.stability.Experimental;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to set one slot of a cabinet's active planogram without resending the others: the slot
 * at {@code position} is changed, or added when the position is free. Null fields of an existing
 * slot stay as they are.
 *
 * @param position the slot's position, like {@code A1}
 * @param productId the product; null keeps the slot's product (an added slot stays empty)
 * @param capacity units the slot holds, 1..{@link SlotSpec#CAPACITY_MAX}
 * @param parLevel the level to fill to, 0..capacity
 * @param quantity units in the slot now; null keeps the current quantity while the product stays
 *     the same
 * @param price the slot's price; null keeps it (the product's price for an added slot)
 */
@Experimental(since = "0.2")
public record SetSlot(
    String position, @Nullable UUID productId, @Nullable Integer capacity,
    @Nullable Integer parLevel, @Nullable Integer quantity, @Nullable BigDecimal price) {}
