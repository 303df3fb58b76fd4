package dev.restock.api.ops;

import dev.restock.api.stability.Experimental;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Whether the store answers, how fast, on which version of its data layout, and how busy its
 * connection pool is. {@link dev.restock.api.spi.Store#health()} never throws: a store that cannot
 * answer reports {@code up = false} with the problem.
 *
 * @param up whether a round trip to where the store keeps its data succeeded
 * @param store the store's description
 * @param latency how long that round trip took: for a database, a trivial statement including
 *     taking a connection; for a store in memory, whatever a reader would wait for (the
 *     in-memory store times taking its read lock)
 * @param schemaVersion the version of the store's data layout, in the store's own terms (e.g.
 *     {@code 3}; the in-memory store answers {@code none (in memory)}); null when down
 * @param pool the connection pool's figures; never null. A store with no pool (the in-memory
 *     store, or one not backed by connections) answers all four figures 0, which means "no
 *     pool", never "a pool with no room"
 * @param problem what failed when down; null when up
 */
@Experimental(since = "0.1")
public record Health(
    boolean up, String store, Duration latency, @Nullable String schemaVersion, PoolStatus pool,
    @Nullable String problem) {

  /**
   * Connection pool figures.
   *
   * @param active connections in use (0 without a pool)
   * @param idle connections waiting in the pool (0 without a pool)
   * @param waiting threads waiting for a connection (0 without a pool)
   * @param max the most connections the pool opens (0 without a pool)
   */
  public record PoolStatus(int active, int idle, int waiting, int max) {}
}
