package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a pick-list strategy or visit policy knows about one stocked slot. Never describes an
 * empty slot.
 *
 * @param capacity 1..999
 * @param parLevel 0..capacity
 * @param quantity 0..capacity, units in the slot now
 * @param casePack units per case of the product, {@code >= 1}
 * @param unitsSoldInWindow units sold in the sales window of the strategy or policy it is given
 *     to ({@link PickListStrategy#salesWindowDays()}, {@link VisitPolicy#salesWindowDays()}), or
 *     null when the slot has no sale recorded in it (or that plugin asked for no window)
 */
@Stable(since = "0.1")
public record SlotSnapshot(
    UUID slotId, UUID deviceId, int cabinetIndex, String position, @Nullable UUID productId, int capacity,
    int parLevel, int quantity, int casePack, @Nullable Integer unitsSoldInWindow) {

  /** Room left in the slot: the most any strategy may plan. */
  public int room() {
    return capacity - quantity;
  }
}
