package dev.restock.api.serviceorder;

import dev.restock.api.stability.Stable;
/** A visit is PENDING until it is COMPLETED or SKIPPED, once. */
@Stable(since = "0.1")
public enum VisitStatus {
  PENDING,
  COMPLETED,
  SKIPPED
}
