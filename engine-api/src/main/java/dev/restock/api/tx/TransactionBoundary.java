package dev.restock.api.tx;

import dev.restock.api.stability.Stable;
import dev.restock.api.audit.AuditContext;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The only way work reaches a store: a unit of work that commits as a whole or not at all.
 *
 * <p>Contract for implementations: a call made while the current thread is already inside a unit
 * of work of the same boundary joins it (no new transaction, the outer context is kept); any
 * exception escaping {@code work} rolls back the whole outermost unit and is rethrown unchanged
 * (store exceptions are translated to {@link dev.restock.api.error.RestockException}s); a unit of
 * work never crosses threads. A read-write unit may not be nested inside a read-only one.
 */
@Stable(since = "0.1")
public interface TransactionBoundary {

  /** Runs {@code work} in a read-write unit of work recorded in history under {@code context}. */
  <T extends @Nullable Object> T write(AuditContext context, Supplier<T> work);

  /** Runs {@code work} in a read-only unit of work. */
  <T extends @Nullable Object> T read(Supplier<T> work);

  /**
   * Runs {@code action} once the outermost unit of work running on this thread commits, on this
   * thread; never when it rolls back. An exception thrown by {@code action} is not propagated to
   * the caller of the unit of work (the change has committed): the boundary logs it.
   *
   * @throws IllegalStateException when no read-write unit of work is running on this thread
   */
  void afterCommit(Runnable action);

  /**
   * Whether a unit of work of this boundary is running on the current thread (one the host
   * opened, or one the store joined, such as a host's own transaction), so that a {@link #write}
   * or {@link #read} called now would join it instead of starting the outermost unit.
   *
   * <p>The engine asks before each use-case call: only a unit it starts itself may be run again
   * after a {@link dev.restock.api.error.ConcurrentChangeException}; inside a unit someone else
   * opened, the conflict goes to that someone. Cheap and side-effect free; answers for the calling
   * thread only. The default answers {@code true}, the safe answer for a boundary that cannot
   * tell: the engine then never retries on it.
   *
   * @since 0.1
   */
  default boolean inUnitOfWork() {
    return true;
  }

  /** Convenience for work without a result. */
  default void writeVoid(AuditContext context, Runnable work) {
    write(context, () -> {
      work.run();
      return null;
    });
  }
}
