package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A slot to create or set. {@code productId} null means an empty slot; {@code price} null means
 * the product's price; {@code quantity} null means 0. Validates itself (position format, capacity
 * 1..999, par and quantity within capacity); the use case checks the grid and the product.
 */
@Stable(since = "0.1")
public record SlotSpec(
    String position, @Nullable UUID productId, @Nullable Integer capacity, @Nullable Integer parLevel, @Nullable Integer quantity,
    @Nullable BigDecimal price) {
  /** The most units a slot can hold. */
  public static final int CAPACITY_MAX = 999;

  public SlotSpec {
    position = position == null ? null : position.strip().toUpperCase(java.util.Locale.ROOT);
    quantity = quantity == null ? Integer.valueOf(0) : quantity;
    Checks checks = new Checks()
        .check(Positions.valid(position), "position",
            "must be a row letter A-T and a column 1-20, like A1 (was " + position + ")")
        .range(capacity, "capacity", 1, CAPACITY_MAX);
    int cap = capacity == null ? CAPACITY_MAX : capacity;
    checks.range(parLevel, "parLevel", 0, cap).range(quantity, "quantity", 0, cap);
    if (price != null) {
      checks.money(price, "price");
    }
    checks.throwIfAny();
  }

  /** Records a violation for every position listed twice in {@code slots}. */
  public static void duplicatePositions(java.util.List<SlotSpec> slots, String field, Checks checks) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < slots.size(); i++) {
      checks.check(seen.add(slots.get(i).position()), field + "[" + i + "].position",
          "duplicate position " + slots.get(i).position());
    }
  }
}
