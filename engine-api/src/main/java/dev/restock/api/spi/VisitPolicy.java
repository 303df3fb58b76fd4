package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * Decides which of a route's cabinets need a visit.
 *
 * <p>Contract: {@link #id()} is stable and unique among registered policies. {@link #needsVisit}
 * MUST be pure and thread-safe, like {@link PickListStrategy#plan}. It is called only for cabinets
 * of live devices on the route that have an active planogram. Arguments are never null.
 */
@Stable(since = "0.1")
public interface VisitPolicy {

  String id();

  boolean needsVisit(CabinetSnapshot cabinet, PlanContext context);
}
