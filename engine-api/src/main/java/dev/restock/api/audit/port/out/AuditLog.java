package dev.restock.api.audit.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The store's record of domain audit events: {@link #accept} writes an event in the current
 * read-write unit of work, tied to its history revision, so it commits or rolls back with the
 * change: events of a rolled-back unit are never read back. Events are stored as given (details,
 * client address, user agent, correlation id), with the {@code revision} of their unit of work.
 * A store port, not an {@link dev.restock.api.spi.AuditSink}: plugin sinks get the events the
 * engine recorded here, as {@link #accept} returned them, after the unit commits. Units of work
 * and exceptions follow {@link dev.restock.api.spi.Store}. Checked by {@code StoreContract} and
 * {@code AuditContract}.
 */
@Experimental(since = "0.1")
public interface AuditLog {

  /**
   * Records {@code event} in the current read-write unit of work and returns it as stored: equal
   * to {@code event} but for {@link AuditEvent#revision()}, which is the number of the unit's
   * history revision (the one its entity changes are recorded under, and that {@link #events}
   * later returns); the revision given in {@code event} is ignored.
   *
   * @throws IllegalStateException outside a read-write unit of work
   */
  AuditEvent accept(AuditEvent event);

  /**
   * Events in time order, oldest first by {@code at}; events of the same time in the order they
   * were written, across units of work. Each filter that is null is left out: {@code actorId},
   * {@code resourceType} and {@code resourceId} must equal the event's, and {@code since} is
   * inclusive (an event exactly at {@code since} is returned). The kit checks the tie and both
   * sides of the bound.
   */
  List<AuditEvent> events(@Nullable UUID actorId, @Nullable String resourceType, @Nullable UUID resourceId, @Nullable Instant since);

  /**
   * Actions per actor since {@code since} (inclusive, checked by the kit), with their count and last occurrence, most
   * frequent first, then by action; of one actor when {@code actorId} is not null, of every actor
   * when it is null. The order of two actors with the same count of the same action is
   * unspecified.
   */
  List<ActivitySummary> activity(@Nullable UUID actorId, Instant since);

  /**
   * A page of the events matching {@code criteria}, which the caller has checked against {@link
   * dev.restock.api.query.SearchFields#AUDIT_EVENT} (values converted to the field types),
   * sorted by its sort keys, then newest first (by {@code at}, then the reverse of the order they
   * were written), in a fixed number of reads whatever the page size. Matching follows {@link
   * Criteria}.
   */
  Page<AuditEvent> find(Criteria criteria, PageRequest request);
}
