package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One slot of a planogram; part of the {@link Planogram} aggregate, with history of its own.
 *
 * @param position row letter and column number such as {@code A1}, inside the cabinet's grid
 * @param productId the product stocked, or null for an empty slot
 * @param capacity 1..999
 * @param parLevel target fill, 0..capacity
 * @param quantity units in the slot now, 0..capacity
 * @param price selling price; defaults to the product's; null for an empty slot
 */
@Stable(since = "0.1")
public record Slot(
    UUID id, String position, @Nullable UUID productId, int capacity, int parLevel, int quantity,
    @Nullable BigDecimal price) {

  public Slot withQuantity(int newQuantity) {
    return new Slot(id, position, productId, capacity, parLevel, newQuantity, price);
  }
}
