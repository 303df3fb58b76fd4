package dev.restock.api.aggregate;

import dev.restock.api.stability.Stable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who created and last changed an aggregate, and when. Set by the store from the unit of work's
 * actor; never supplied by callers. Who deleted a row is answered by history.
 */
@Stable(since = "0.1")
public record AuditStamp(@Nullable Instant createdAt, @Nullable UUID createdBy, @Nullable Instant updatedAt, @Nullable UUID updatedBy) {
  /** Placeholder for an aggregate that has not been stored yet. */
  public static final AuditStamp NEW = new AuditStamp(null, null, null, null);
}
