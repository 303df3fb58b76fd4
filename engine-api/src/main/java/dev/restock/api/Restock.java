package dev.restock.api;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.audit.Actor;
import java.util.Map;
import java.util.Set;

/**
 * A running engine bound to one store: the entry point of the API. Build it with the builder in
 * {@code engine-core} ({@code dev.restock.core.wiring.RestockEngine.builder()}), use it from any
 * thread, close it once to release the store's connections. Every use case is reached through
 * {@link #as(Actor)}, which names who acts, and the {@link RestockSession} it returns:
 *
 * <pre>{@code
 * try (Restock engine = RestockEngine.builder().store(MemoryStore.factory()).build()) {
 *   RestockSession ops = engine.as(Actor.user(adminId));
 *   Product cola = ops.products().create(
 *       new CreateProduct("COLA-33", "Cola 33cl", "Drinks", new BigDecimal("1.50"), 24));
 *   List<HistoryEntry> history = ops.history().history(AuditedType.PRODUCT, cola.id());
 * }
 * }</pre>
 *
 * @see dev.restock.api the package overview, with where to start
 */
@Stable(since = "0.1")
public interface Restock extends AutoCloseable {

  /** The use cases acting as {@code actor}. */
  RestockSession as(Actor actor);

  /**
   * The engine of one tenant, on an engine built with a
   * {@link dev.restock.api.spi.TenantDirectory}: {@code engine.tenant("acme").as(actor)}. The
   * engine answered is the tenant's own, with its own store. Closing it does nothing: this
   * engine owns it and closes it when it is closed itself. Once the tenant is retired, every
   * call on it is refused with {@link dev.restock.api.error.IllegalStateTransitionException};
   * after the tenant is moved it goes on serving the tenant at its new place. Each of its calls,
   * and each use-case call on a session it hands out, runs on the tenant's engine of that moment;
   * a retire or move waits for the calls under way and holds new ones back until it is done.
   *
   * <p>On a multi-tenant engine, every call on the engine itself that reads or writes data
   * ({@link #as}, {@link #inUnitOfWork}, {@link #async}, {@link #seed}, ...) is refused with an
   * {@link IllegalStateException}: a session must name its tenant.
   *
   * @throws IllegalStateException when tenancy is off (the engine serves one store), or the
   *     engine is closed
   * @throws dev.restock.api.error.NotFoundException when there is no such tenant
   * @throws dev.restock.api.error.IllegalStateTransitionException when the tenant is retired
   * @throws IllegalArgumentException when {@code tenantId} does not follow
   *     {@link dev.restock.api.tenant.Tenant#ID_RULE}
   * @since 0.3
   */
  @Experimental(since = "0.3")
  default Restock tenant(String tenantId) {
    throw new IllegalStateException("tenancy is off: this engine serves one store; build it "
        + "with RestockEngine.builder().tenants(directory) to serve tenants");
  }

  /**
   * Tenants as a whole: add, retire, move, the fleet across tenants.
   *
   * @throws IllegalStateException when tenancy is off
   * @since 0.3
   */
  @Experimental(since = "0.3")
  default dev.restock.api.tenant.TenantAdministration tenants() {
    throw new IllegalStateException("tenancy is off: this engine serves one store; build it "
        + "with RestockEngine.builder().tenants(directory) to serve tenants");
  }

  /**
   * The action history records for a unit of work composed with {@link #inUnitOfWork}: the
   * {@link dev.restock.api.audit.RevisionInfo#action()} of its one revision, and so of every
   * {@link dev.restock.api.audit.HistoryEntry} of an entity it changed. What each call inside did
   * is in the audit events ({@code history().events(..)}), which keep the call's own action
   * (e.g. {@code product.create}) and carry the unit's revision number.
   *
   * @since 0.1
   */
  String UNIT_OF_WORK_ACTION = "unit-of-work";

  /**
   * Runs {@code work} in one read-write unit of work as {@code actor}: every use case called on
   * the session it is given joins that unit, so that, for example, a product is created and
   * placed in a slot atomically:
   *
   * <pre>{@code
   * Product tea = engine.inUnitOfWork(actor.withReason("new line at M1"), s -> {
   *   Product p = s.products().create(createTea);
   *   s.planograms().update(planogramId, slotsWithTeaInC3(p));
   *   return p;
   * });
   * }</pre>
   *
   * <ul>
   *   <li>It commits once, when {@code work} returns, as one revision in history: the actor's
   *       id, reason, client address, user agent and correlation id, and the action
   *       {@value #UNIT_OF_WORK_ACTION}. Every call inside must act as this same actor.
   *   <li>Any exception escaping {@code work} rolls back everything the calls wrote (rows,
   *       history, audit events, document numbers taken) and reaches the caller unchanged. A use
   *       case that threw inside marks the whole unit for rollback even if {@code work} catches
   *       its exception: the unit then ends with an {@link IllegalStateException}.
   *   <li>Permissions are still checked per call, inside the unit: a refused call rolls back the
   *       calls before it.
   *   <li>Plugin audit sinks hear of the calls' events after the commit only, in call order, and
   *       never after a rollback.
   *   <li>A nested {@code inUnitOfWork} (same actor) joins the outer unit. So does this unit when
   *       the store is already running a unit of work on this thread (a host transaction the
   *       store joined).
   *   <li>It is never run again behind the host's back: a
   *       {@link dev.restock.api.error.ConcurrentChangeException} reaches the caller, who may run
   *       the whole unit again (a single use case call, by contrast, is retried by the engine).
   * </ul>
   *
   * <p>The unit lives on the calling thread and holds the store's write lock or connection until
   * {@code work} returns: keep slow work (remote calls, user input) outside it. The session must
   * not be handed to other threads.
   *
   * @param actor who acts; recorded on the revision and checked on each call
   * @param work the calls to make; its result is returned
   * @throws NullPointerException when {@code actor} or {@code work} is null
   * @throws IllegalStateException when called inside a read-only unit of work, inside an
   *     {@link #async} call (compose on a thread of the host's own instead), inside a unit of
   *     another actor, or on a closed engine; also when {@code work} calls {@link #async} (that
   *     call could not join the unit) or a use case as another actor
   * @since 0.1
   */
  <T> T inUnitOfWork(Actor actor, java.util.function.Function<RestockSession, T> work);

  /**
   * {@link #inUnitOfWork} for work without a result, e.g.
   * {@code engine.runInUnitOfWork(actor, s -> { s.products().delete(a); s.products().delete(b); })}.
   *
   * @since 0.1
   */
  default void runInUnitOfWork(Actor actor, java.util.function.Consumer<RestockSession> work) {
    java.util.Objects.requireNonNull(work, "work");
    inUnitOfWork(actor, session -> {
      work.accept(session);
      return null;
    });
  }

  /**
   * Runs {@code call} asynchronously on the engine's executor, as {@code actor}: for example
   * {@code engine.async(actor, s -> s.products().create(command))}. Every use case is callable
   * this way. The call runs entirely on one executor thread, in its own units of work (it never
   * joins a unit of work of the calling thread). The future completes with the call's result or
   * its exception; when the executor is saturated it completes exceptionally with
   * {@link java.util.concurrent.RejectedExecutionException}.
   *
   * <p>The executor is the one given to the builder (a host on a newer JDK may pass virtual
   * threads), or a bounded default owned and shut down by the engine.
   *
   * @throws IllegalStateException when called inside {@link #inUnitOfWork}: the call would run
   *     on another thread, outside that unit
   */
  <T> java.util.concurrent.CompletableFuture<T> async(
      Actor actor, java.util.function.Function<RestockSession, T> call);

  /**
   * Seeds reference data as the built-in system actor, in one unit of work, idempotently: what
   * exists with the same values is left alone, and a run that changes nothing writes nothing
   * (no revision, no audit event).
   *
   * @throws dev.restock.api.error.ValidationException on bad data; nothing is written
   */
  @Experimental(since = "0.1")
  dev.restock.api.seed.ReferenceData.Report seed(dev.restock.api.seed.ReferenceData data);

  /** Ids of every registered pick-list strategy. */
  Set<String> pickListStrategies();

  /** Ids of every registered visit policy. */
  Set<String> visitPolicies();

  /**
   * Failures of each audit sink contributed by plugins since the engine started, by sink id. A
   * failing sink never affects the change it was told about; this is where it shows.
   */
  Map<String, Long> auditSinkFailures();

  /**
   * Failures of history checkpointing since the engine started: under {@code checkpoint} the
   * checkpoints that could not be made (a broken chain is never signed), then the failures of
   * each anchor sink by id. A sink that failed is sent what it missed with the next checkpoint.
   */
  Map<String, Long> checkpointFailures();

  /**
   * Whether the store answers, its round-trip latency, schema version and pool figures. Never
   * throws: a store that cannot be reached reports {@code up = false} with the problem.
   */
  @Experimental(since = "0.1")
  dev.restock.api.ops.Health health();

  /** Statement, transaction, entity, query and cache figures of the store since it opened. */
  @Experimental(since = "0.1")
  dev.restock.api.ops.Statistics statistics();

  /**
   * How long building this engine took, phase by phase: the store's phases, then the engine's own
   * (see {@link dev.restock.api.ops.StartupReport}). The same report on every call, also after
   * {@link #close()}. An engine that does not measure its start reports
   * {@link dev.restock.api.ops.StartupReport#NONE}, the default.
   */
  @Experimental(since = "0.2")
  default dev.restock.api.ops.StartupReport startupReport() {
    return dev.restock.api.ops.StartupReport.NONE;
  }

  /** Description of the store, e.g. {@code jpa-sqlite:/data/restock.db}. */
  String storeDescription();

  @Override
  void close();
}
