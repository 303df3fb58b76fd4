package dev.restock.api.service;

/**
 * Lifecycle of a service order: PENDING → ASSIGNED → IN_PROGRESS → COMPLETED, or CANCELLED from
 * PENDING or ASSIGNED. Any other transition is an illegal state transition.
 */
public enum OrderStatus {
  PENDING,
  ASSIGNED,
  IN_PROGRESS,
  COMPLETED,
  CANCELLED
}
