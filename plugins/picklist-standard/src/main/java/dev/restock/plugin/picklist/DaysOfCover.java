package dev.restock.plugin.picklist;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;

/**
 * Load enough to cover sales until the next visit: the slot's sales rate over a window of recorded
 * sales, times the route's visit interval plus a safety margin, capped at capacity. A slot without
 * sales in the window falls back to filling to par.
 */
public final class DaysOfCover implements PickListStrategy {
  public static final String ID = "days-of-cover";
  public static final int DEFAULT_WINDOW_DAYS = 28;
  public static final int DEFAULT_SAFETY_DAYS = 2;

  private final int windowDays;
  private final int safetyDays;

  public DaysOfCover() {
    this(DEFAULT_WINDOW_DAYS, DEFAULT_SAFETY_DAYS);
  }

  /**
   * @param windowDays days of sales history the rate is computed over, 1..365
   * @param safetyDays days of extra cover beyond the visit interval, 0..60
   */
  public DaysOfCover(int windowDays, int safetyDays) {
    if (windowDays < 1 || windowDays > 365) {
      throw new IllegalArgumentException("windowDays must be 1..365, was " + windowDays);
    }
    if (safetyDays < 0 || safetyDays > 60) {
      throw new IllegalArgumentException("safetyDays must be 0..60, was " + safetyDays);
    }
    this.windowDays = windowDays;
    this.safetyDays = safetyDays;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int salesWindowDays() {
    return windowDays;
  }

  @Override
  public int plan(SlotSnapshot slot, PlanContext context) {
    if (slot.productId() == null || slot.room() == 0) {
      return 0;
    }
    int target;
    if (slot.unitsSoldInWindow() == null) {
      target = slot.parLevel();
    } else {
      double perDay = slot.unitsSoldInWindow() / (double) windowDays;
      target = (int) Math.ceil(perDay * (context.visitIntervalDays() + safetyDays));
    }
    return Math.max(0, Math.min(target, slot.capacity()) - slot.quantity());
  }
}
