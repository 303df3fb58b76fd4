package dev.restock.plugin.picklist;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.spi.VisitPolicy;

/**
 * A cabinet needs a visit when its depletion against par reaches a percentage (units missing to
 * par over the sum of par levels), or when at least a number of its slots are sold out.
 */
public final class ThresholdPolicy implements VisitPolicy {
  public static final String ID = "threshold";
  public static final int DEFAULT_DEPLETION_PERCENT = 40;
  public static final int DEFAULT_SOLD_OUT_SLOTS = 2;

  private final int depletionPercent;
  private final int soldOutSlots;

  public ThresholdPolicy() {
    this(DEFAULT_DEPLETION_PERCENT, DEFAULT_SOLD_OUT_SLOTS);
  }

  /**
   * @param depletionPercent 1..100
   * @param soldOutSlots at least 1
   */
  public ThresholdPolicy(int depletionPercent, int soldOutSlots) {
    if (depletionPercent < 1 || depletionPercent > 100) {
      throw new IllegalArgumentException("depletionPercent must be 1..100, was " + depletionPercent);
    }
    if (soldOutSlots < 1) {
      throw new IllegalArgumentException("soldOutSlots must be at least 1, was " + soldOutSlots);
    }
    this.depletionPercent = depletionPercent;
    this.soldOutSlots = soldOutSlots;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
    long par = 0;
    long missing = 0;
    int soldOut = 0;
    for (SlotSnapshot slot : cabinet.slots()) {
      par += slot.parLevel();
      missing += Math.max(0, slot.parLevel() - slot.quantity());
      if (slot.quantity() == 0) {
        soldOut++;
      }
    }
    return soldOut >= soldOutSlots || (par > 0 && missing * 100 >= depletionPercent * par);
  }
}
