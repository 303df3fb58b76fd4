package dev.restock.api.ops;

import dev.restock.api.stability.Experimental;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Whether the store answers, how fast, on which schema version, and how busy its pool is.
 *
 * @param up whether a round trip to the database succeeded
 * @param store the store's description
 * @param latency round-trip time of a trivial statement, including taking a connection
 * @param schemaVersion the schema version the database is on (e.g. {@code 3}); null when down
 * @param pool the connection pool's figures (all 0 for a store without connections); never null
 * @param problem what failed when down; null when up
 */
@Experimental(since = "0.1")
public record Health(
    boolean up, String store, Duration latency, @Nullable String schemaVersion, PoolStatus pool,
    @Nullable String problem) {

  /**
   * Connection pool figures.
   *
   * @param active connections in use
   * @param idle connections waiting in the pool
   * @param waiting threads waiting for a connection
   * @param max the most connections the pool opens
   */
  public record PoolStatus(int active, int idle, int waiting, int max) {}
}
