package dev.restock.core.session;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.audit.Actor;
import dev.restock.api.validation.Checks;
import dev.restock.api.audit.AuditContext;
import dev.restock.api.tx.TransactionBoundary;
import dev.restock.core.usecase.ComposedUnit;
import dev.restock.core.usecase.CoreContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The running engine: hands out actor-bound sessions and owns the store's lifecycle. */
public final class CoreEngine implements Restock {
  private final CoreContext ctx;
  private final java.util.concurrent.Executor executor;
  private final java.util.concurrent.ExecutorService owned;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.function.Supplier<dev.restock.api.ops.StartupReport> startup;
  /** Set on a thread while it runs an {@link #async} call of this engine. */
  private final ThreadLocal<Boolean> inAsyncCall = new ThreadLocal<>();

  /** An engine with its own bounded executor for {@link #async}. */
  public CoreEngine(CoreContext ctx) {
    this(ctx, null);
  }

  /**
   * @param executor executor for {@link #async} supplied (and closed) by the host, or null for a
   *     bounded default the engine owns: as many threads as processors (at least 2), a queue of
   *     1,000 calls, closed with the engine
   */
  public CoreEngine(CoreContext ctx, java.util.concurrent.Executor executor) {
    this(ctx, executor, () -> dev.restock.api.ops.StartupReport.NONE);
  }

  /**
   * @param executor as for {@link #CoreEngine(CoreContext, java.util.concurrent.Executor)}
   * @param startup what {@link #startupReport()} answers; read on each call, so the builder can
   *     finish timing after this constructor ran
   */
  public CoreEngine(CoreContext ctx, java.util.concurrent.Executor executor,
      java.util.function.Supplier<dev.restock.api.ops.StartupReport> startup) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.startup = Objects.requireNonNull(startup, "startup");
    if (executor == null) {
      int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
      java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
      this.owned = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 30,
          java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1000),
          r -> {
            Thread t = new Thread(r, "restock-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      ((java.util.concurrent.ThreadPoolExecutor) owned).allowCoreThreadTimeOut(true);
      this.executor = owned;
    } else {
      this.owned = null;
      this.executor = executor;
    }
  }

  @Override
  public <T> java.util.concurrent.CompletableFuture<T> async(
      Actor actor, java.util.function.Function<RestockSession, T> call) {
    Objects.requireNonNull(call, "call");
    if (ComposedUnit.isOpen(ctx)) {
      throw new IllegalStateException("async(..) was called inside inUnitOfWork(..): an async "
          + "call runs on another thread, outside this unit of work, and would commit on its own; "
          + "call the use case on the unit's session instead");
    }
    RestockSession session = as(actor);
    try {
      return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        inAsyncCall.set(Boolean.TRUE);
        try {
          return call.apply(session);
        } finally {
          inAsyncCall.remove();
        }
      }, executor);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return java.util.concurrent.CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Opens (or joins) one read-write unit of work of the store, recorded as
   * {@link #UNIT_OF_WORK_ACTION} under {@code actor}, and runs {@code work} in it. The store's
   * boundary does the joining, rollback and after-commit actions; use cases called inside see an
   * open unit, so {@code ConflictRetry} never runs them again, and this unit itself is not retried
   * either. A composed unit is refused on the async executor: it would hold the store's write
   * lock or connection on one of the engine's few threads for as long as host code runs.
   */
  @Override
  public <T> T inUnitOfWork(Actor actor, java.util.function.Function<RestockSession, T> work) {
    Objects.requireNonNull(actor, "actor: a unit of work is recorded under one actor");
    Objects.requireNonNull(work, "work");
    if (Boolean.TRUE.equals(inAsyncCall.get())) {
      throw new IllegalStateException("inUnitOfWork(..) was called inside an async(..) call; "
          + "compose units of work on a thread of your own, e.g. "
          + "CompletableFuture.supplyAsync(() -> engine.inUnitOfWork(actor, work), yourExecutor)");
    }
    RestockSession session = as(actor);
    TransactionBoundary tx = ctx.store().transactions();
    return ComposedUnit.compose(ctx, actor,
        () -> tx.write(new AuditContext(actor, UNIT_OF_WORK_ACTION), () -> work.apply(session)));
  }

  @Override
  public RestockSession as(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
    checkFitsHistory(actor);
    // a null argument to any use case is refused by name before it runs, not as a NPE inside it
    return NullArguments.guard(new CoreSession(ctx, actor));
  }

  /**
   * Refuses an actor whose client address, user agent, reason or correlation id is longer than
   * history holds, naming each, before anything runs: on a store with typed columns the commit
   * would otherwise fail on the revision row, and on one without they would be kept whole.
   */
  private static void checkFitsHistory(Actor actor) {
    Checks checks = new Checks();
    fits(checks, actor.clientAddress(), "actor.clientAddress", Actor.MAX_CLIENT_ADDRESS);
    fits(checks, actor.userAgent(), "actor.userAgent", Actor.MAX_USER_AGENT);
    fits(checks, actor.reason(), "actor.reason", Actor.MAX_REASON);
    fits(checks, actor.correlationId(), "actor.correlationId", Actor.MAX_CORRELATION_ID);
    checks.throwIfAny();
  }

  private static void fits(Checks checks, String value, String field, int max) {
    checks.check(value == null || value.length() <= max, field,
        "must be at most " + max + " characters (was " + (value == null ? 0 : value.length())
            + ")");
  }

  @Override
  public Set<String> pickListStrategies() {
    return ctx.strategies().ids();
  }

  @Override
  public Set<String> visitPolicies() {
    return ctx.policies().ids();
  }

  @Override
  public Map<String, Long> auditSinkFailures() {
    return ctx.auditSinks().failures();
  }

  @Override
  public Map<String, Long> checkpointFailures() {
    return ctx.checkpoints().failures();
  }

  @Override
  public dev.restock.api.seed.ReferenceData.Report seed(dev.restock.api.seed.ReferenceData data) {
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
    return new dev.restock.core.seed.SeedService(ctx).seed(data);
  }

  @Override
  public dev.restock.api.ops.Health health() {
    return ctx.store().health();
  }

  @Override
  public dev.restock.api.ops.Statistics statistics() {
    return ctx.store().statistics().withRetries(ctx.retry().retries(), ctx.retry().exhausted());
  }

  @Override
  public dev.restock.api.ops.StartupReport startupReport() {
    return startup.get();
  }

  @Override
  public String storeDescription() {
    return ctx.store().description();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (owned != null) {
        owned.shutdown();
        try {
          if (!owned.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
            owned.shutdownNow();
          }
        } catch (InterruptedException e) {
          owned.shutdownNow();
          Thread.currentThread().interrupt();
        }
      }
      // sinks were opened after the store: they close before it, once calls under way are done
      ctx.auditSinks().close();
      // a checkpoint under way finishes before the store it writes to closes
      ctx.checkpoints().close();
      ctx.store().close();
    }
  }
}
