package dev.restock.api.serviceorder.port.out;

import dev.restock.api.stability.Stable;
/**
 * Document numbers. Contract: {@link #next} returns the next value of a series (1, 2, 3...)
 * inside the caller's read-write unit of work; values are unique across threads and processes,
 * and gapless: a value is consumed only if the unit of work commits (concurrent callers wait for
 * each other rather than skip), so a value taken in a unit that rolls back is handed out again.
 * Checked by {@code StoreContract} (20 units on 4 threads get exactly 1..20 after a rolled-back
 * one), {@code ServiceOrderContract} (16 threads creating orders and delivery notes) and {@code
 * UnitOfWorkContract}. Units of work and exceptions follow {@link dev.restock.api.spi.Store}.
 */
@Stable(since = "0.1")
public interface NumberSeries {

  /**
   * The next value of {@code series}, e.g. {@code SO-2026}; starts at 1 for a series never used.
   * Series are independent of each other. Needs a read-write unit of work.
   */
  long next(String series);
}
