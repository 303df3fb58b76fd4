package dev.restock.api.planogram;

import dev.restock.api.stability.Experimental;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Command to set one slot of a cabinet's active planogram without resending the others: the slot
 * at {@code position} is changed, or added when the position is free. Null fields of an existing
 * slot stay as they are. Validates itself (position format, capacity 1..{@link
 * SlotSpec#CAPACITY_MAX}, par and quantity within the capacity given, price as money); the use
 * case checks what needs the store, on the slot as it would be after the change: the position
 * inside the cabinet's grid, the product live, par and quantity within the resulting capacity,
 * and an empty slot holding nothing. Every problem is named at once and nothing is written.
 *
 * <p>A command cannot take the product out of a slot (null keeps it); to empty a slot, update the
 * planogram with a {@link SlotSpec} without a product.
 *
 * @param position the slot's position, like {@code A1}; trimmed and upper-cased
 * @param productId the product; null keeps the slot's product (an added slot stays empty). A
 *     different product starts at quantity 0 unless {@code quantity} is given: the units of the
 *     old product in the slot are not units of the new one (the driver clears them at the next
 *     visit); and at the new product's price unless {@code price} is given
 * @param capacity units the slot holds, 1..{@link SlotSpec#CAPACITY_MAX}; null keeps it; required
 *     for an added slot
 * @param parLevel the level to fill to, 0..capacity; null keeps it; required for an added slot
 *     with a product (an added empty slot has par 0)
 * @param quantity units in the slot now, 0..capacity; null keeps the current quantity while the
 *     product stays the same, and is 0 for an added slot or a changed product
 * @param price the slot's price; null keeps it while the product stays the same, else it is the
 *     product's price; an empty slot has none
 */
@Experimental(since = "0.2")
public record SetSlot(
    String position, @Nullable UUID productId, @Nullable Integer capacity,
    @Nullable Integer parLevel, @Nullable Integer quantity, @Nullable BigDecimal price) {

  public SetSlot {
    position = position == null ? null : position.strip().toUpperCase(Locale.ROOT);
    Checks checks = new Checks().check(Positions.valid(position), "position",
        "must be a row letter A-T and a column 1-20, like A1 (was " + position + ")");
    int cap = SlotSpec.CAPACITY_MAX;
    if (capacity != null) {
      checks.range(capacity, "capacity", 1, SlotSpec.CAPACITY_MAX);
      if (capacity >= 1 && capacity <= SlotSpec.CAPACITY_MAX) {
        cap = capacity;
      }
    }
    if (parLevel != null) {
      checks.range(parLevel, "parLevel", 0, cap);
    }
    if (quantity != null) {
      checks.range(quantity, "quantity", 0, cap);
    }
    if (price != null) {
      checks.money(price, "price");
    }
    checks.throwIfAny();
  }
}
