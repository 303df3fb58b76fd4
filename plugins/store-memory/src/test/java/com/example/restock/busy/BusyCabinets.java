package com.example.restock.busy;

import dev.restock.api.spi.CabinetSnapshot;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;
import dev.restock.api.spi.VisitPolicy;

/**
 * A cabinet needs a visit when its slots sold at least {@code minUnitsSold} units in the last
 * {@code windowDays} days, or when a slot with a par level is sold out.
 */
public final class BusyCabinets implements VisitPolicy {
  public static final String ID = "busy-cabinets";

  private final int windowDays;
  private final int minUnitsSold;

  public BusyCabinets(int windowDays, int minUnitsSold) {
    this.windowDays = windowDays;
    this.minUnitsSold = minUnitsSold;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int salesWindowDays() {
    return windowDays;                    // the engine fills unitsSoldInWindow() for this window
  }

  @Override
  public boolean needsVisit(CabinetSnapshot cabinet, PlanContext context) {
    long sold = 0;                        // long: a cabinet's sales may pass Integer.MAX_VALUE
    for (SlotSnapshot slot : cabinet.slots()) {
      if (slot.quantity() == 0 && slot.parLevel() > 0) {
        return true;
      }
      Integer units = slot.unitsSoldInWindow();   // null: nothing recorded in the window
      sold += units == null ? 0 : units;
    }
    return sold >= minUnitsSold;          // a cabinet with no stocked slot sold 0
  }
}
