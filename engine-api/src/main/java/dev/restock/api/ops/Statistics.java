package dev.restock.api.ops;

import dev.restock.api.stability.Experimental;
import java.util.List;

/**
 * What the store has done since it opened.
 *
 * @param statements JDBC statements prepared
 * @param transactions committed units of work
 * @param entityLoads entities read
 * @param entityInserts entities inserted
 * @param entityUpdates entities updated
 * @param entityDeletes entities (soft-)deleted
 * @param queryExecutions queries run
 * @param slowest the queries with the longest single execution, slowest first (at most 10)
 * @param cacheHits second-level cache hits
 * @param cacheMisses second-level cache misses
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

  /** These figures with the engine's retry counts. */
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
