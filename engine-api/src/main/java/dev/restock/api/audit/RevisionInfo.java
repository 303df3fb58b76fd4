package dev.restock.api.audit;

import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One committed unit of work as history sees it.
 *
 * @param number revision number, increasing with commit order
 * @param at commit time
 * @param actorId who acted
 * @param action what the unit of work did, e.g. {@code product.update}
 * @param reason optional reason given by the actor
 * @param clientAddress optional client address
 * @param userAgent optional user agent
 * @param correlationId optional correlation id set by the host on the actor
 */
@Stable(since = "0.1")
public record RevisionInfo(
    long number, Instant at, UUID actorId, String action, @Nullable String reason, @Nullable String clientAddress,
    @Nullable String userAgent, @Nullable String correlationId) {

  /**
   * The kind of action: the part of {@link #action()} after its last dot, e.g. {@code create},
   * {@code update}, {@code delete}, {@code restore}, or a domain action such as {@code dispatch}.
   */
  public String actionKind() {
    int dot = action.lastIndexOf('.');
    return dot < 0 ? action : action.substring(dot + 1);
  }
}
