package com.example.restock.wholecases;

import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PlanContext;
import dev.restock.api.spi.SlotSnapshot;

/**
 * Fills a slot towards its par level in whole case packs only, so that drivers never open a case
 * at the machine: the units needed to reach par, rounded up to whole cases, but never more whole
 * cases than fit into the room left.
 */
public final class WholeCases implements PickListStrategy {
  /** The strategy's id, as given to {@code --strategy}. */
  public static final String ID = "whole-cases";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int plan(SlotSnapshot slot, PlanContext context) {
    int need = slot.parLevel() - slot.quantity();
    int pack = Math.max(1, slot.casePack());
    if (need <= 0) {
      return 0;
    }
    int wanted = (need + pack - 1) / pack * pack;
    int fits = slot.room() / pack * pack;
    return Math.max(0, Math.min(wanted, fits));
  }
}
