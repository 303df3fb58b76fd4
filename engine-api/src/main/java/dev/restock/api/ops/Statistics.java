package dev.restock.api.ops;

import dev.restock.api.stability.Experimental;
import java.util.List;

/**
 * What the store has done since it opened. A store reports 0 for a figure it does not keep (the
 * in-memory store sends no statements and has no cache); the kit checks only that committed units
 * of work and inserted entities are counted.
 *
 * @param statements statements the store prepared for its database (0 for a store without one)
 * @param transactions committed units of work
 * @param entityLoads entities read
 * @param entityInserts entities inserted
 * @param entityUpdates entities updated
 * @param entityDeletes entities (soft-)deleted
 * @param queryExecutions queries run
 * @param slowest the queries with the longest single execution, slowest first (at most 10)
 * @param cacheHits hits of the store's shared entity cache, the one all units of work use (0
 *     without one)
 * @param cacheMisses misses of that cache (0 without one)
 * @param retries units of work the engine ran again after a concurrent change beat them (one per
 *     extra attempt)
 * @param retriesExhausted use-case calls that still met a concurrent change after their last
 *     attempt, and failed with {@link dev.restock.api.error.ConcurrentChangeException}
 */
@Experimental(since = "0.1")
public record Statistics(
    long statements, long transactions, long entityLoads, long entityInserts, long entityUpdates,
    long entityDeletes, long queryExecutions, List<QueryStatistic> slowest, long cacheHits,
    long cacheMisses, long retries, long retriesExhausted) {
  public Statistics {
    slowest = List.copyOf(slowest);
  }

  /** A store's figures: retries are the engine's, so a store reports none. */
  public Statistics(
      long statements, long transactions, long entityLoads, long entityInserts,
      long entityUpdates, long entityDeletes, long queryExecutions, List<QueryStatistic> slowest,
      long cacheHits, long cacheMisses) {
    this(statements, transactions, entityLoads, entityInserts, entityUpdates, entityDeletes,
        queryExecutions, slowest, cacheHits, cacheMisses, 0, 0);
  }

  /** These figures with the engine's retry counts; the engine calls it, a store need not. */
  public Statistics withRetries(long retries, long retriesExhausted) {
    return new Statistics(statements, transactions, entityLoads, entityInserts, entityUpdates,
        entityDeletes, queryExecutions, slowest, cacheHits, cacheMisses, retries,
        retriesExhausted);
  }

  /** Hit rate of the second-level cache between 0 and 1; 0 when it was never asked. */
  public double cacheHitRate() {
    long asked = cacheHits + cacheMisses;
    return asked == 0 ? 0 : (double) cacheHits / asked;
  }

  /** One query's figures. */
  public record QueryStatistic(String query, long executions, long maxMillis, double meanMillis) {}
}
