package dev.restock.plugin.tck;

import dev.restock.api.error.ConcurrentChangeException;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import dev.restock.api.spi.Store;
import dev.restock.api.stock.StockLevel;
import dev.restock.api.stock.port.out.StockLevels;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards to the real store and counts stock writes in {@link #writes}; while {@code conflicts}
 * is above zero, a stock write is written and then fails the way a store reports a lost race, as
 * if a concurrent unit had changed the level meanwhile (each such failure counts one down).
 */
final class ConflictingStock extends ForwardingStore {
  final AtomicInteger writes;
  private final AtomicInteger conflicts;

  ConflictingStock(Store delegate, int conflicts) {
    this(delegate, new AtomicInteger(conflicts), new AtomicInteger());
  }

  ConflictingStock(Store delegate, AtomicInteger conflicts, AtomicInteger writes) {
    super(delegate);
    this.conflicts = conflicts;
    this.writes = writes;
  }

  @Override
  public StockLevels stock() {
    StockLevels real = super.stock();
    return new StockLevels() {
      @Override public Map<UUID, Integer> onHand(Collection<UUID> ids) {
        return real.onHand(ids);
      }

      @Override public Map<UUID, Integer> onHandForUpdate(Collection<UUID> ids) {
        return real.onHandForUpdate(ids);
      }

      @Override public void set(Map<UUID, Integer> levels) {
        real.set(levels);
        writes.incrementAndGet();
        if (conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new ConcurrentChangeException("injected: the stock level was changed by "
              + "someone else meanwhile");
        }
      }

      @Override public Map<UUID, Integer> all() {
        return real.all();
      }

      @Override public Page<StockLevel> find(Criteria criteria, PageRequest request) {
        return real.find(criteria, request);
      }
    };
  }
}
