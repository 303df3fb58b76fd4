package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;

/**
 * Decides which of a route's cabinets need a visit, when a service order is created for a route
 * without a list of cabinets.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #id()} is stable, unique among registered policies and lower-case words of {@code
 *       a-z} and {@code 0-9} joined by single hyphens: it matches {@code [a-z0-9]+(-[a-z0-9]+)*},
 *       e.g. {@code threshold} or {@code sold-out-2}. The engine refuses any other id at start-up,
 *       naming the id and the class.
 *   <li>{@link #needsVisit} MUST be pure (same input, same answer; no I/O, no shared mutable
 *       state) and thread-safe, like {@link PickListStrategy#plan}, and MUST NOT throw for any
 *       input the engine can give it: a cabinet with no stocked slot, slots at, above or below
 *       par, full or sold out, and sales that are null, 0 or large.
 *   <li>The engine calls it once per cabinet of each live device on the route that has an active
 *       planogram, in device name then cabinet index order. It never calls it for a deleted
 *       device, a device on another route or a cabinet without an active planogram; a cabinet
 *       whose planogram stocks nothing is passed with no slots. Arguments are never null.
 *   <li>{@link CabinetSnapshot#slots()} carries the stocked slots only. With a {@link
 *       #salesWindowDays()} above 0, each slot's {@link SlotSnapshot#unitsSoldInWindow()} is the
 *       units sold in that many days before now (null when none were recorded) and {@link
 *       PlanContext#salesWindowDays()} is that window, whatever window the order's strategy
 *       asked for; with 0 both say "no sales read", and the answer MUST NOT depend on sales.
 * </ul>
 *
 * <p>The TCK's {@code VisitPolicyContract} checks what can be checked of this on a policy alone;
 * its {@code VisitPolicyEngineContract} checks the engine's side on a store.
 */
@Stable(since = "0.1")
public interface VisitPolicy {

  /** The policy's id, as a service order names it; see the format above. */
  String id();

  /**
   * Whether {@code cabinet} needs a visit.
   *
   * @param cabinet one cabinet of the route with its stocked slots
   * @param context the route, the day and the sales window of the slots' sales
   */
  boolean needsVisit(CabinetSnapshot cabinet, PlanContext context);

  /**
   * Days of sales history the policy wants in {@link SlotSnapshot#unitsSoldInWindow()}, 0..366;
   * 0 (the default) when it uses none, which spares the engine reading sales for it.
   */
  @Experimental(since = "0.2")
  default int salesWindowDays() {
    return 0;
  }
}
