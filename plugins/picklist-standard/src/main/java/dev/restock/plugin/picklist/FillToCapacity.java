package dev.restock.plugin.picklist;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;

/** Fill every slot to its capacity. */
public final class FillToCapacity implements PickListStrategy {
  public static final String ID = "fill-to-capacity";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int plan(SlotSnapshot slot, PlanContext context) {
    return slot.productId() == null ? 0 : slot.room();
  }
}
