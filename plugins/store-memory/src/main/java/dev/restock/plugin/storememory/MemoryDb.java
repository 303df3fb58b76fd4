package dev.restock.plugin.storememory;

import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.tx.TransactionBoundary;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The in-memory database and its units of work. Isolation is serializable: a read-write unit
 * holds the database's write lock from its start to its end, read-only units share the read lock.
 * Changes are journaled and undone when the outermost unit fails; nested units join the outer
 * one. The lock is fair, so writers are not starved by a stream of readers.
 */
final class MemoryDb implements TransactionBoundary {
  private static final System.Logger LOG = System.getLogger(MemoryDb.class.getName());

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final ThreadLocal<Unit> current = new ThreadLocal<>();
  private final Clock clock;
  private volatile boolean closed;
  final MemoryHistory history;
  final AtomicLong transactions = new AtomicLong();
  final AtomicLong loads = new AtomicLong();
  final AtomicLong inserts = new AtomicLong();
  final AtomicLong updates = new AtomicLong();
  final AtomicLong deletes = new AtomicLong();
  final AtomicLong queries = new AtomicLong();

  MemoryDb(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.history = new MemoryHistory(this);
  }

  Instant now() {
    return clock.instant();
  }

  /** The unit of work running on this thread. */
  Unit unit() {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException(
          "the in-memory store is used outside a unit of work; call it inside transactions()"
              + ".read(...) or .write(...)");
    }
    return unit;
  }

  /** The read-write unit of work running on this thread. */
  Unit writeUnit() {
    Unit unit = unit();
    if (unit.readOnly) {
      throw new IllegalStateException("a write was attempted in a read-only unit of work");
    }
    return unit;
  }

  Actor actor() {
    return writeUnit().context.actor();
  }

  /** Counts a query and the rows it returned. */
  <T> T counted(T result, int rows) {
    queries.incrementAndGet();
    loads.addAndGet(rows);
    return result;
  }

  /** Counts a query that returned at most one row. */
  <T> java.util.Optional<T> one(java.util.Optional<T> found) {
    return counted(found, found.isPresent() ? 1 : 0);
  }

  @Override
  public <T> T write(AuditContext context, Supplier<T> work) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(work, "work");
    Unit outer = current.get();
    if (outer != null) {
      if (outer.readOnly) {
        throw new IllegalStateException(
            "a read-write unit of work cannot run inside a read-only one (" + context.action() + ")");
      }
      return join(outer, work);
    }
    return outermost(new Unit(false, context), work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    Unit outer = current.get();
    if (outer != null) {
      return join(outer, work);
    }
    return outermost(new Unit(true, null), work);
  }

  @Override
  public boolean inUnitOfWork() {
    return current.get() != null;
  }

  @Override
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    Unit unit = current.get();
    if (unit == null || unit.readOnly) {
      throw new IllegalStateException("afterCommit needs a read-write unit of work on this thread");
    }
    unit.afterCommit.add(action);
  }

  private static <T> T join(Unit unit, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      unit.rollbackOnly = true;
      throw e;
    }
  }

  private <T> T outermost(Unit unit, Supplier<T> work) {
    var held = unit.readOnly ? lock.readLock() : lock.writeLock();
    held.lock();
    boolean committed = false;
    T result;
    try {
      if (closed) {
        throw new IllegalStateException("the in-memory store is closed");
      }
      current.set(unit);
      try {
        result = work.get();
        if (unit.rollbackOnly) {
          throw new IllegalStateException("a nested unit of work failed and its exception was "
              + "caught; the whole unit of work was rolled back");
        }
        if (!unit.readOnly) {
          history.seal(unit);
        }
        committed = true;
        transactions.incrementAndGet();
      } finally {
        if (!committed) {
          unit.rollBack();
        }
        current.remove();
      }
    } finally {
      held.unlock();
    }
    for (Runnable action : unit.afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "an after-commit action failed; the change stays "
            + "committed", e);
      }
    }
    return result;
  }

  /** Refuses new units of work; running ones finish. */
  void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  boolean closed() {
    return closed;
  }

  /** Takes and releases the read lock: how long a reader waits now. */
  void probe() {
    lock.readLock().lock();
    lock.readLock().unlock();
  }
}
