package dev.restock.api.picklist;

import dev.restock.api.stability.Experimental;

/**
 * What happened when a strategy planned a pick list, so that an empty or short list can be
 * explained: how many stocked slots it considered, how many of them were below par, for how many
 * it planned something, and how many of those a minimum pick then dropped.
 *
 * <p>The pick list's lines are the slots planned minus those dropped. An empty list thus means one
 * of: no stocked slot at all, a strategy that planned nothing (whether or not slots were below
 * par), or a minimum pick that dropped every planned slot.
 *
 * @param stockedSlots stocked slots of the cabinets planned, &gt;= 0
 * @param slotsBelowPar those of them holding fewer units than their par level
 * @param slotsPlanned those for which the strategy planned at least one unit
 * @param slotsUnderMinimumPick those planned slots left out because their pick was below the
 *     minimum pick asked for
 */
@Experimental(since = "0.2")
public record PlanOutcome(
    int stockedSlots, int slotsBelowPar, int slotsPlanned, int slotsUnderMinimumPick) {

  /**
   * Checks the counts fit together.
   *
   * @throws IllegalArgumentException when a count is negative or exceeds what contains it
   */
  public PlanOutcome {
    if (stockedSlots < 0 || slotsBelowPar < 0 || slotsBelowPar > stockedSlots
        || slotsPlanned < 0 || slotsPlanned > stockedSlots
        || slotsUnderMinimumPick < 0 || slotsUnderMinimumPick > slotsPlanned) {
      throw new IllegalArgumentException("inconsistent plan outcome: " + stockedSlots
          + " stocked, " + slotsBelowPar + " below par, " + slotsPlanned + " planned, "
          + slotsUnderMinimumPick + " under the minimum pick");
    }
  }
}
