package dev.restock.api.error;

import dev.restock.api.stability.Stable;
/**
 * The change clashes with the current state: a duplicate of a value unique among live rows, or an
 * update based on a stale version. Nothing was written.
 */
@Stable(since = "0.1")
public class ConflictException extends RestockException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
