package dev.restock.api.spi;

import java.util.UUID;

/**
 * What a pick-list strategy knows about one stocked slot. Never describes an empty slot.
 *
 * @param capacity 1..999
 * @param parLevel 0..capacity
 * @param quantity 0..capacity, units in the slot now
 * @param casePack units per case of the product, {@code >= 1}
 */
public record SlotSnapshot(
    UUID slotId, UUID deviceId, int cabinetIndex, String position, UUID productId, int capacity,
    int parLevel, int quantity, int casePack) {

  /** Room left in the slot: the most any strategy may plan. */
  public int room() {
    return capacity - quantity;
  }
}
