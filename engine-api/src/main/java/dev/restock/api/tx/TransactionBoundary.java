package dev.restock.api.tx;

import dev.restock.api.stability.Stable;
import dev.restock.api.audit.AuditContext;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The only way work reaches a store: a unit of work that commits as a whole or not at all.
 *
 * <p>Contract for implementations (checked by the TCK's {@code StoreContract} and
 * {@code UnitOfWorkContract}; isolation, concurrency and the clock are stated on {@link
 * dev.restock.api.spi.Store}):
 * <ul>
 *   <li><b>Joining.</b> A {@link #write} or {@link #read} called while the current thread is
 *       already inside a unit of work of the same boundary joins it: no new transaction, and the
 *       outer unit's {@link AuditContext} is kept (the revision records the outermost actor,
 *       action, reason, client address, user agent and correlation id).
 *   <li><b>Rollback.</b> Any exception escaping {@code work} rolls back the whole outermost unit
 *       (rows, revisions, audit events, numbers taken, checkpoints) and is rethrown unchanged;
 *       failures of the store itself are translated to {@link
 *       dev.restock.api.error.RestockException}s as {@link dev.restock.api.spi.Store} lists.
 *   <li><b>Rollback-only.</b> When a nested unit fails and the outer {@code work} catches its
 *       exception and returns normally, the outermost unit still rolls back everything, and
 *       {@link #write} or {@link #read} then throws an {@link IllegalStateException} whose message
 *       says that the unit of work was rolled back.
 *   <li><b>A write nested in a read</b> is refused: {@link #write} called inside a read-only unit
 *       throws {@link IllegalStateException} naming the read-only unit, and a port's write method
 *       called in a read-only unit throws {@link IllegalStateException} too.
 *   <li><b>Outside a unit of work</b> every port method throws {@link IllegalStateException} and
 *       touches nothing.
 *   <li><b>Threads.</b> A unit of work never crosses threads: it belongs to the thread that
 *       started it, and another thread calling {@link #write} starts its own unit.
 * </ul>
 */
@Stable(since = "0.1")
public interface TransactionBoundary {

  /**
   * Runs {@code work} in a read-write unit of work recorded in history under {@code context}, or
   * in the unit already running on this thread (see the joining rule above).
   *
   * @return what {@code work} returned, once the outermost unit has committed (or, when joining,
   *     at once)
   * @throws IllegalStateException when the unit running on this thread is read-only, or when a
   *     nested failure was caught and the unit was rolled back
   */
  <T extends @Nullable Object> T write(AuditContext context, Supplier<T> work);

  /**
   * Runs {@code work} in a read-only unit of work, or in the unit already running on this thread.
   * Writes inside it throw {@link IllegalStateException}.
   *
   * <p>An outermost read-only unit may run {@code work} more than once: a store that reads from a
   * replica runs it again on the primary when the replica fails while the work runs. Read work
   * must therefore start from a clean state inside the lambda and have no side effects outside it
   * (no accumulator, counter or callback target filled from outside the unit), or tolerate being
   * fed twice.
   *
   * @return what {@code work} returned
   */
  <T extends @Nullable Object> T read(Supplier<T> work);

  /**
   * Runs {@code action} once the outermost unit of work running on this thread commits, on this
   * thread; never when it rolls back. An exception thrown by {@code action} is not propagated to
   * the caller of the unit of work (the change has committed): the boundary logs it.
   *
   * <p>Checked by the kit: an action registered in a unit that commits runs once, after the
   * commit; one registered in a unit that rolls back never runs; a failing action leaves the
   * change committed; actions run in the order they were registered, those registered in nested
   * units (which join the outermost one) included, all after the outermost commit.
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
   * tell: the engine then never retries on it, and {@code ConcurrencyContract}'s retry cases fail,
   * so a store meant to pass the kit answers exactly.
   *
   * @since 0.1
   */
  default boolean inUnitOfWork() {
    return true;
  }

  /** {@link #write} for work without a result. */
  default void writeVoid(AuditContext context, Runnable work) {
    write(context, () -> {
      work.run();
      return null;
    });
  }
}
