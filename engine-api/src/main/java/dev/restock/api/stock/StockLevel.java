package dev.restock.api.stock;

import dev.restock.api.stability.Stable;
import java.util.UUID;

/** Warehouse units on hand of one product; never negative, never above {@link #MAX_ON_HAND}. */
@Stable(since = "0.1")
public record StockLevel(UUID productId, String sku, String name, int onHand) {
  /**
   * The most units a stock level holds, and so the most one receipt or adjustment moves. Far
   * below {@code Integer.MAX_VALUE}, so that adding a receipt or a returned delivery to any
   * level stays exact.
   */
  public static final int MAX_ON_HAND = 1_000_000_000;
}
