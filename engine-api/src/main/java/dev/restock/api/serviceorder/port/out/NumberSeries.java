package dev.restock.api.serviceorder.port.out;

import dev.restock.api.stability.Stable;
/**
 * Document numbers. Contract: {@link #next} returns the next value of a series (1, 2, 3...)
 * inside the caller's read-write unit of work; values are unique across threads and processes,
 * and gapless: a value is consumed only if the unit of work commits (concurrent callers wait for
 * each other rather than skip).
 */
@Stable(since = "0.1")
public interface NumberSeries {

  /** The next value of {@code series}, e.g. {@code SO-2026}; starts at 1. */
  long next(String series);
}
