package dev.restock.core.tenant;

import dev.restock.api.Restock;
import dev.restock.api.error.IllegalStateTransitionException;
import dev.restock.api.spi.Store;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's engine and its gate. Every call on the tenant's engine enters the gate (shared, as
 * many at once as come); {@link #pause()} waits until the calls inside have left and holds new
 * ones back until {@link #resume()}, so retire and move run alone. A call made by a thread that is
 * already inside (a use case called inside {@code inUnitOfWork}) passes straight through, so the
 * gate never deadlocks on its own holders. Calls after {@link #retire()} are refused.
 */
final class TenantSlot {
  final String id;
  private final TenantEngine owner;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private int inFlight;
  private boolean paused;
  private boolean retired;
  private boolean closed;
  private @Nullable Restock engine;
  private @Nullable Store store;
  final TenantFacade facade;

  TenantSlot(String id, TenantEngine owner) {
    this.id = id;
    this.owner = owner;
    this.facade = new TenantFacade(this);
  }

  /** Runs {@code call} inside the gate. */
  <T> T call(Supplier<T> call) {
    enter();
    try {
      return call.get();
    } finally {
      exit();
    }
  }

  /** Enters on this thread; pair with {@link #exit()} on the same thread. */
  void enter() {
    enterDetached();
    depth.get()[0]++;
  }

  void exit() {
    depth.get()[0]--;
    exitDetached();
  }

  /**
   * Enters for a call that leaves on another thread (an async call); pair with
   * {@link #exitDetached()}.
   */
  synchronized void enterDetached() {
    if (depth.get()[0] == 0) {
      boolean interrupted = false;
      while (paused) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while tenant '" + id
            + "' was paused for a retire or move");
      }
      refuseIfGone();
    }
    inFlight++;
  }

  synchronized void exitDetached() {
    inFlight--;
    if (inFlight == 0) {
      notifyAll();
    }
  }

  /** Marks the current thread as inside the gate while an async call runs on it. */
  <T> T inside(Supplier<T> work) {
    depth.get()[0]++;
    try {
      return work.get();
    } finally {
      depth.get()[0]--;
    }
  }

  private void refuseIfGone() {
    if (closed) {
      throw new IllegalStateException("the engine is closed");
    }
    if (retired) {
      throw new IllegalStateTransitionException("tenant '" + id + "' is retired; its engine "
          + "serves no more calls");
    }
  }

  /** The tenant's engine, opened on first use; call inside the gate (or while paused). */
  synchronized Restock engine() {
    refuseIfGone();
    if (engine == null) {
      TenantEngine.Opened opened = owner.openTenant(id);
      engine = opened.engine();
      store = opened.store();
    }
    return engine;
  }

  /** The tenant's store as opened with {@link #engine()}. */
  synchronized Store store() {
    engine();
    return java.util.Objects.requireNonNull(store, "store");
  }

  /**
   * Holds new calls back and waits for those inside to finish.
   *
   * @throws IllegalStateException when called from inside a call of this tenant (it would wait
   *     for itself)
   */
  synchronized void pause() {
    if (depth.get()[0] > 0) {
      throw new IllegalStateException("tenant '" + id + "' cannot be retired or moved from "
          + "inside one of its own calls: it waits for them to finish");
    }
    boolean mine = false;
    try {
      while (paused) {
        wait();
      }
      paused = true;
      mine = true;
      while (inFlight > 0) {
        wait();
      }
    } catch (InterruptedException e) {
      if (mine) {
        paused = false;
        notifyAll();
      }
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the calls of tenant '"
          + id + "' to finish", e);
    }
  }

  synchronized void resume() {
    paused = false;
    notifyAll();
  }

  /** Closes the tenant's engine; it opens again on the next call unless retired. */
  synchronized void closeEngine() {
    Restock open = engine;
    engine = null;
    store = null;
    if (open != null) {
      open.close();
    }
  }

  /** Refuses every later call and closes the engine. */
  synchronized void retire() {
    retired = true;
    closeEngine();
  }

  /** Closes the engine for good (the multi-tenant engine closes). */
  synchronized void close() {
    closed = true;
    closeEngine();
    notifyAll();
  }
}
