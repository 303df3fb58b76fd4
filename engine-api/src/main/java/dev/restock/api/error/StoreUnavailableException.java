package dev.restock.api.error;

import dev.restock.api.stability.Experimental;

/**
 * The store's database could not be reached, or the connection broke while a unit of work ran
 * (a server restart, a network failure, a pool that could not hand out a connection in time).
 * The failure is transient: once the database answers again, the engine's pool opens new
 * connections and the same call can be retried.
 *
 * <p>A unit of work that failed this way was rolled back, with one exception the database does
 * not let anyone rule out: when the connection broke during the commit itself, the change may
 * have been saved. Before retrying a change that must not happen twice (receiving stock, say),
 * read whether it is there.
 */
@Experimental(since = "0.1")
public class StoreUnavailableException extends RestockException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
