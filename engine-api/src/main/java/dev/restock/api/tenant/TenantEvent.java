package dev.restock.api.tenant;

import dev.restock.api.stability.Experimental;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something done across tenants or to a tenant as a whole, as the directory recorded it: a tenant
 * added, retired or moved, a view across tenants read.
 *
 * @param sequence the event's number in the directory's log, from 1, without gaps
 * @param at when
 * @param actorId who (the system actor's id for the host's own tooling)
 * @param action e.g. {@code tenant.add}, {@code tenant.retire}, {@code tenant.move},
 *     {@code tenant.fleet-summary}
 * @param tenantId the tenant concerned, or null for a view across every tenant
 * @param reason the actor's reason, or null
 * @param detail what else is worth keeping (e.g. {@code from shard a to shard b}), or null
 * @since 0.3
 */
@Experimental(since = "0.3")
public record TenantEvent(
    long sequence, Instant at, UUID actorId, String action, @Nullable String tenantId,
    @Nullable String reason, @Nullable String detail) {

  /** Checks the components. */
  public TenantEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(action, "action");
  }
}
