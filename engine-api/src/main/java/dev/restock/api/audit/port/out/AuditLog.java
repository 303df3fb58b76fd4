package dev.restock.api.audit.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The store's own audit sink: {@link #accept} writes the event in the current read-write unit of
 * work, tied to its history revision, so it commits or rolls back with the change. Call inside a
 * unit of work.
 */
@Experimental
public interface AuditLog extends AuditSink {

  /** Events in time order, oldest first, optionally of one actor and one resource. */
  List<AuditEvent> events(UUID actorId, String resourceType, UUID resourceId, Instant since);

  /**
   * Actions per actor since {@code since}, with their count and last occurrence, most frequent
   * first; of one actor when {@code actorId} is not null.
   */
  List<ActivitySummary> activity(UUID actorId, Instant since);
}
