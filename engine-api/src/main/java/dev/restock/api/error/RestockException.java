package dev.restock.api.error;

import dev.restock.api.stability.Stable;
/**
 * Root of every exception the engine throws on purpose. Hosts can catch this one type to handle
 * all expected failures; anything else is a bug or an infrastructure failure.
 */
@Stable(since = "0.1")
public abstract class RestockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected RestockException(String message) {
    super(message);
  }

  protected RestockException(String message, Throwable cause) {
    super(message, cause);
  }
}
