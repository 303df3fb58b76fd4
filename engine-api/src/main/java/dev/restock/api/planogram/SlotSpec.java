package dev.restock.api.planogram;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.validation.Checks;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A slot to create or set. Validates itself (position format, capacity 1..999, par and quantity
 * within capacity, an empty slot holding nothing); the use case checks the grid and the product.
 *
 * @param position row letter and column number such as {@code A1}; trimmed and upper-cased
 * @param productId the product, or null for an empty slot, which holds nothing: its {@code
 *     parLevel} must be 0 and its {@code quantity} 0 or omitted
 * @param capacity units the slot holds, 1..{@link #CAPACITY_MAX}
 * @param parLevel the level to fill to, 0..capacity
 * @param quantity units in the slot now, 0..capacity; null (omitted) means 0 for a new slot, and
 *     in an update of a planogram keeps the current quantity of the slot at that position when
 *     its product stays the same (0 when the product changes: the old product's units are not the
 *     new one's). Since 0.2 {@link #quantity()} returns null when omitted, where 0.1 returned 0;
 *     {@link #quantityOr(int)} reads it with a default
 * @param price the slot's price; null means the product's price; an empty slot has none
 */
@Stable(since = "0.1")
public record SlotSpec(
    String position, @Nullable UUID productId, @Nullable Integer capacity, @Nullable Integer parLevel, @Nullable Integer quantity,
    @Nullable BigDecimal price) {
  /** The most units a slot can hold. */
  public static final int CAPACITY_MAX = 999;

  public SlotSpec {
    position = position == null ? null : position.strip().toUpperCase(Locale.ROOT);
    Checks checks = new Checks()
        .check(Positions.valid(position), "position",
            "must be a row letter A-T and a column 1-20, like A1 (was " + position + ")")
        .range(capacity, "capacity", 1, CAPACITY_MAX);
    int cap = capacity == null ? CAPACITY_MAX : capacity;
    checks.range(parLevel, "parLevel", 0, cap);
    if (quantity != null) {
      checks.range(quantity, "quantity", 0, cap);
    }
    if (productId == null) {
      emptyHoldsNothing(parLevel, quantity, checks);
    }
    if (price != null) {
      checks.money(price, "price");
    }
    checks.throwIfAny();
  }

  /** The quantity given, or {@code fallback} when it was omitted. */
  @Experimental(since = "0.2")
  public int quantityOr(int fallback) {
    return quantity != null ? quantity : fallback;
  }

  /**
   * Records a violation of {@code parLevel} and of {@code quantity} when either is above 0 in a
   * slot without a product: an empty slot holds nothing, so it has nothing to fill or count.
   */
  @Experimental(since = "0.2")
  public static void emptyHoldsNothing(
      @Nullable Integer parLevel, @Nullable Integer quantity, Checks checks) {
    if (parLevel != null && parLevel > 0) {
      checks.add("parLevel", EMPTY_HOLDS_NOTHING + " (was " + parLevel + ")");
    }
    if (quantity != null && quantity > 0) {
      checks.add("quantity", EMPTY_HOLDS_NOTHING + " (was " + quantity + ")");
    }
  }

  /** The message of a par level or quantity above 0 in a slot without a product. */
  @Experimental(since = "0.2")
  public static final String EMPTY_HOLDS_NOTHING = "an empty slot holds nothing";

  /**
   * Records a violation for every position listed twice in {@code slots}. Null elements are
   * skipped: {@link Checks#noNullElements} names them.
   */
  public static void duplicatePositions(List<SlotSpec> slots, String field, Checks checks) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < slots.size(); i++) {
      SlotSpec slot = slots.get(i);
      if (slot != null) {
        checks.check(seen.add(slot.position()), field + "[" + i + "].position",
            "duplicate position " + slot.position());
      }
    }
  }
}
