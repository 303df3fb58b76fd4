package dev.restock.api.error;

import dev.restock.api.stability.Stable;

/**
 * A unit of work lost a race with a concurrent one: a row it read was changed before it could
 * write (optimistic lock), or the database could not serialize the two (serialization failure,
 * deadlock, lock timeout). Nothing was written, and running the whole unit again, reading
 * afresh, may well succeed.
 *
 * <p>The engine does that itself for every use-case call it opens the unit of work for, a bounded
 * number of times; a host therefore sees this exception only when those retries ran out, or when
 * the call ran inside a unit of work the host opened itself (which the engine never repeats
 * behind the host's back: the host decides whether to run its whole unit again). Stores throw it
 * for exactly these failures, so that retrying never repeats a change that was refused for a
 * reason a retry would not cure.
 *
 * @since 0.1
 */
@Stable(since = "0.1")
public class ConcurrentChangeException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public ConcurrentChangeException(String message) {
    super(message);
  }

  public ConcurrentChangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
