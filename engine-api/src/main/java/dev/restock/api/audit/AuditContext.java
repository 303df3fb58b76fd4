package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.util.Objects;

/**
 * What a unit of work records in history besides its changes: the actor and the action, such as
 * {@code product.create} or {@code product.restore}. Nested units of work join the outermost one
 * and keep its context.
 */
@Stable(since = "0.1")
public record AuditContext(Actor actor, String action) {
  public AuditContext {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
  }
}
