package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A domain audit event: who did what to which resource, with details. The engine records one for
 * every change it makes, in the unit of work of the change, and hands it to the plugins' {@link
 * dev.restock.api.spi.AuditSink}s after that unit commits.
 *
 * @param revision the history revision of the unit of work that caused it: 0 only in an event not
 *     yet recorded; the store sets it when it records the event ({@link
 *     dev.restock.api.audit.port.out.AuditLog#accept}), and every event read back or delivered to
 *     a sink carries it
 * @param at when it happened
 * @param actorId who acted
 * @param action what was done, e.g. {@code product.delete} or {@code service-order.dispatch}
 * @param resourceType the kind of resource, e.g. {@code product}
 * @param resourceId the resource's id, may be null for actions on many resources
 * @param details further facts, rendered as a JSON object by stores; never null
 * @param clientAddress optional client address
 * @param userAgent optional user agent
 * @param correlationId optional correlation id
 */
@Experimental(since = "0.1")
public record AuditEvent(
    long revision, Instant at, UUID actorId, String action, String resourceType, @Nullable UUID resourceId,
    Map<String, String> details, @Nullable String clientAddress, @Nullable String userAgent, @Nullable String correlationId) {
  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(action, "action");
    details = Map.copyOf(details);
  }
}
