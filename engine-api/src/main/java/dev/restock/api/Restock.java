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
   * Runs {@code call} asynchronously on the engine's executor, as {@code actor}: for example
   * {@code engine.async(actor, s -> s.products().create(command))}. Every use case is callable
   * this way. The call runs entirely on one executor thread, in its own units of work (it never
   * joins a unit of work of the calling thread). The future completes with the call's result or
   * its exception; when the executor is saturated it completes exceptionally with
   * {@link java.util.concurrent.RejectedExecutionException}.
   *
   * <p>The executor is the one given to the builder (a host on a newer JDK may pass virtual
   * threads), or a bounded default owned and shut down by the engine.
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

  /** Description of the store, e.g. {@code jpa-sqlite:/data/restock.db}. */
  String storeDescription();

  @Override
  void close();
}
