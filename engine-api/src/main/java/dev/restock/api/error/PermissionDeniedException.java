package dev.restock.api.error;

import dev.restock.api.stability.Stable;
/** The acting user may not perform the action. Nothing was written. */
@Stable(since = "0.1")
public class PermissionDeniedException extends RestockException {
  private static final long serialVersionUID = 1L;
  private final String action;

  public PermissionDeniedException(String action, String message) {
    super("permission denied for " + action + ": " + message);
    this.action = action;
  }

  /** The action that was refused, e.g. {@code product.create}. */
  public String action() {
    return action;
  }
}
