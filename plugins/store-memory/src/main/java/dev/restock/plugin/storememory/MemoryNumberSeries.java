package dev.restock.plugin.storememory;

import dev.restock.api.serviceorder.port.out.NumberSeries;
import java.util.Objects;

/**
 * Document numbers from counters kept with the data: a number taken by a unit of work that rolls
 * back is given back with the rest of its changes, and units of work never overlap, so numbers
 * are unique and gapless.
 */
final class MemoryNumberSeries implements NumberSeries {
  private final MemoryDb db;
  private final Table<String, Long> counters;

  MemoryNumberSeries(MemoryDb db) {
    this.db = db;
    this.counters = new Table<>(db);
  }

  @Override
  public long next(String series) {
    Objects.requireNonNull(series, "series");
    db.writeUnit();
    Long last = counters.get(series);
    long next = last == null ? 1 : last + 1;
    counters.put(series, next);
    return next;
  }
}
