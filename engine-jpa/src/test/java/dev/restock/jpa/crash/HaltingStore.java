package dev.restock.jpa.crash;

import dev.restock.api.audit.AuditContext;
import dev.restock.api.spi.Store;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.jpa.tx.UnitOfWork;
import dev.restock.plugin.tck.ForwardingStore;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A store that stops its JVM dead ({@code Runtime.halt}, no shutdown hooks, no rollback, like
 * SIGKILL) at a chosen point of the n-th outermost write unit, so that the crash suite hits the
 * narrow windows around commit that random kill timing rarely finds. Test scope only: the
 * production store is never wrapped.
 */
final class HaltingStore extends ForwardingStore {

  /** Where in a write unit the JVM stops. */
  enum Point {
    /** After the use case's work ran, before Hibernate flushed it. */
    IN_WORK,
    /** After everything (history and audit rows included) was written, before the commit. */
    BEFORE_COMMIT,
    /** Right after the commit, before the caller hears of it. */
    AFTER_COMMIT
  }

  /** Exit status of a halted writer: what a shell reports for SIGKILL. */
  static final int HALT_STATUS = 137;

  private final TransactionBoundary halting;

  /** @param spec {@code POINT:N}, e.g. {@code BEFORE_COMMIT:3} halts in the third write unit */
  HaltingStore(Store delegate, String spec) {
    super(delegate);
    String[] parts = spec.split(":");
    Point point = Point.valueOf(parts[0].toUpperCase(Locale.ROOT));
    int unit = Integer.parseInt(parts[1]);
    this.halting = new Halting(delegate.transactions(), point, unit);
  }

  @Override
  public TransactionBoundary transactions() {
    return halting;
  }

  private static final class Halting implements TransactionBoundary {
    private final TransactionBoundary delegate;
    private final Point point;
    private final int unit;
    private final AtomicInteger outermostWrites = new AtomicInteger();
    // nested calls join the outer unit; only the outermost one counts as a unit of work
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    Halting(TransactionBoundary delegate, Point point, int unit) {
      this.delegate = delegate;
      this.point = point;
      this.unit = unit;
    }

    @Override
    public <T> T write(AuditContext context, Supplier<T> work) {
      int[] level = depth.get();
      boolean outermost = level[0] == 0;
      level[0]++;
      try {
        return delegate.write(context, () -> {
          T result = work.get();
          if (outermost && outermostWrites.incrementAndGet() == unit) {
            switch (point) {
              case IN_WORK -> halt();
              case BEFORE_COMMIT -> UnitOfWork.requireWrite().beforeCommit(HaltingStore::halt);
              case AFTER_COMMIT -> delegate.afterCommit(HaltingStore::halt);
            }
          }
          return result;
        });
      } finally {
        level[0]--;
      }
    }

    @Override
    public <T> T read(Supplier<T> work) {
      return delegate.read(work);
    }

    @Override
    public void afterCommit(Runnable action) {
      delegate.afterCommit(action);
    }
  }

  private static void halt() {
    System.out.flush();
    Runtime.getRuntime().halt(HALT_STATUS);
  }
}
