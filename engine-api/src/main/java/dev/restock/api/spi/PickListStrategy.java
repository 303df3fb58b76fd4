package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decides how many units to load into the slots of a route's machines.
 *
 * <p>Contract: {@link #id()} is stable, unique among registered strategies, lower-case words
 * joined by '-' ({@code [a-z0-9]+(-[a-z0-9]+)*}; the engine refuses any other id at start-up). {@link #plan} MUST be pure (same input, same output; no I/O, no shared mutable
 * state), MUST be safe to call from many threads at once, and MUST return a value between 0 and
 * {@code slot.room()} inclusive; the engine rejects anything else as a plugin error. It is never
 * called for an empty slot. Arguments are never null. The TCK in {@code plugins/tck} checks this.
 *
 * <p>The engine plans a pick list machine by machine through {@link #planMachine}, whose default
 * asks {@link #plan} for every slot. A strategy with rules across slots (a product's total on a
 * machine rounded to whole cases, a par shared by the slots of one product) overrides
 * {@link #planMachine}; one without keeps the default and writes only {@link #plan}.
 */
@Stable(since = "0.1")
public interface PickListStrategy {

  /**
   * The strategy's id, as callers name it ({@code --strategy}, a service order's strategy).
   *
   * @return lower-case words joined by '-', e.g. {@code fill-to-par}; never changes
   */
  String id();

  /**
   * Units to load into one slot.
   *
   * @param slot a stocked slot
   * @param context the route's facts
   * @return 0..{@code slot.room()}; 0 when the slot needs nothing
   */
  int plan(SlotSnapshot slot, PlanContext context);

  /**
   * Units to load into each slot of one machine: the hook for rules that look across slots.
   *
   * <p>The engine calls it once per machine of the pick list, with the machine's planned cabinets
   * and their stocked slots, and uses its answer for every slot of the machine; {@link #plan} is
   * then not called by the engine for those slots (only by this default). The answer maps slot
   * ids to units:
   * <ul>
   *   <li>each key MUST be the id of a slot of {@code machine}; each value MUST be between 0 and
   *       that slot's {@link SlotSnapshot#room()} inclusive, never null;</li>
   *   <li>a slot of the machine that the map leaves out gets 0 units (so an answer may hold only
   *       the slots with something to load);</li>
   *   <li>anything else (an unknown slot id, a value out of range or null, a null map) is rejected
   *       as a plugin error naming every wrong entry, and no pick list or order is produced.</li>
   * </ul>
   * Like {@link #plan} it MUST be pure and safe to call from many threads at once; arguments are
   * never null. The engine calls it for a machine even when every slot is full.
   *
   * <p>What it can express: quantities of each slot's own product (the planogram's), decided with
   * the whole machine in view, such as rounding each product's total on the machine to whole
   * cases or sharing one par among the slots of a product. What it cannot: loading another
   * product than the planogram's into a slot (substituting a sold-out product), since a pick line
   * always carries its slot's planogram product; a substitution is a planogram change.
   *
   * <p>The default answers {@link #plan} for every slot of the machine, so a strategy that does
   * not override it behaves exactly as a per-slot strategy.
   *
   * @param machine one device with its planned cabinets and their stocked slots
   * @param context the route's facts, the same for every machine of the pick list
   * @return units per slot id, as described above
   */
  @Experimental(since = "0.2")
  default Map<UUID, Integer> planMachine(MachineSnapshot machine, PlanContext context) {
    Map<UUID, Integer> units = new LinkedHashMap<>();
    for (SlotSnapshot slot : machine.slots()) {
      units.put(slot.slotId(), plan(slot, context));
    }
    return units;
  }

  /**
   * Days of sales history the strategy wants in {@link SlotSnapshot#unitsSoldInWindow()}; 0 (the
   * default) when it uses none, which spares the engine reading sales.
   *
   * @return 0..366
   */
  default int salesWindowDays() {
    return 0;
  }
}
