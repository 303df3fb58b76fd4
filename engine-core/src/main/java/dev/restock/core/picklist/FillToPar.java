package dev.restock.core.picklist;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;

/** The seed's rule and the default strategy: bring each slot up to its par level. */
public final class FillToPar implements PickListStrategy {
  public static final String ID = "fill-to-par";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int plan(SlotSnapshot slot, PlanContext context) {
    return slot.parLevel() > slot.quantity()
        ? Math.min(slot.parLevel() - slot.quantity(), slot.room())
        : 0;
  }
}
