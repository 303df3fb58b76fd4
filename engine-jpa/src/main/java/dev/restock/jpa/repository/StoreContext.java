package dev.restock.jpa.repository;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Facts repositories need about their store: the clock for audit stamps and the zone in which
 * the database writes soft-delete timestamps, and how it searches text.
 */
public record StoreContext(Clock clock, ZoneId deletedAtZone, TextSearchSql textSearch) {

  /** Stamp time, at the millisecond precision every supported database keeps. */
  public java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
