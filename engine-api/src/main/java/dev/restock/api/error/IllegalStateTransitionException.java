package dev.restock.api.error;

import dev.restock.api.stability.Stable;
/** A lifecycle transition that the entity's current state does not allow. */
@Stable(since = "0.1")
public class IllegalStateTransitionException extends RestockException {
  private static final long serialVersionUID = 1L;

  public IllegalStateTransitionException(String message) {
    super(message);
  }
}
