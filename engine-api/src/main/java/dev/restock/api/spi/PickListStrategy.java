package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * Decides how many units to load into one slot.
 *
 * <p>Contract: {@link #id()} is stable, unique among registered strategies, lower-case words
 * joined by '-' ({@code [a-z0-9]+(-[a-z0-9]+)*}; the engine refuses any other id at start-up). {@link #plan} MUST be pure (same input, same output; no I/O, no shared mutable
 * state), MUST be safe to call from many threads at once, and MUST return a value between 0 and
 * {@code slot.room()} inclusive; the engine rejects anything else as a plugin error. It is never
 * called for an empty slot. Arguments are never null. The TCK in {@code plugins/tck} checks this.
 */
@Stable(since = "0.1")
public interface PickListStrategy {

  String id();

  /** Units to load into {@code slot}; 0 when it needs nothing. */
  int plan(SlotSnapshot slot, PlanContext context);

  /**
   * Days of sales history the strategy wants in {@link SlotSnapshot#unitsSoldInWindow()}; 0 (the
   * default) when it uses none, which spares the engine reading sales.
   */
  default int salesWindowDays() {
    return 0;
  }
}
