package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
/**
 * Lifecycle of a service order: PENDING → ASSIGNED → IN_PROGRESS → COMPLETED, or CANCELLED from
 * PENDING or ASSIGNED. Any other transition is an illegal state transition.
 */
@Stable(since = "0.1")
public enum OrderStatus {
  PENDING,
  ASSIGNED,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
