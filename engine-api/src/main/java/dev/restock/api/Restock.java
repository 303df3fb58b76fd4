package dev.restock.api;

import dev.restock.api.audit.Actor;
import java.util.Map;
import java.util.Set;

/**
 * A running engine bound to one store. Build it with the builder in {@code engine-core}
 * ({@code dev.restock.core.wiring.RestockEngine.builder()}), use it from any thread, close it once
 * to release the store's connections.
 */
public interface Restock extends AutoCloseable {

  /** The use cases acting as {@code actor}. */
  RestockSession as(Actor actor);

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
   * Whether the store answers, its round-trip latency, schema version and pool figures. Never
   * throws: a store that cannot be reached reports {@code up = false} with the problem.
   */
  dev.restock.api.ops.Health health();

  /** Statement, transaction, entity, query and cache figures of the store since it opened. */
  dev.restock.api.ops.Statistics statistics();

  /** Description of the store, e.g. {@code jpa-sqlite:/data/restock.db}. */
  String storeDescription();

  @Override
  void close();
}
