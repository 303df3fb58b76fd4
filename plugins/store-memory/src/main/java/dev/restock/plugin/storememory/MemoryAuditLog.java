package dev.restock.plugin.storememory;

import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.port.out.AuditLog;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Domain audit events kept with the revision of their unit of work, sealed into its hash. */
final class MemoryAuditLog implements AuditLog {
  private final MemoryDb db;

  MemoryAuditLog(MemoryDb db) {
    this.db = db;
  }

  @Override
  public AuditEvent accept(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    db.writeUnit();
    AuditEvent stored = db.history.event(event);
    db.inserts.incrementAndGet();
    return stored;
  }

  private static final Map<String, Function<AuditEvent, Object>> FIELDS = Map.of(
      "at", AuditEvent::at, "actorId", AuditEvent::actorId, "action", AuditEvent::action,
      "resourceType", AuditEvent::resourceType, "resourceId", AuditEvent::resourceId,
      "clientAddress", AuditEvent::clientAddress, "userAgent", AuditEvent::userAgent,
      "correlationId", AuditEvent::correlationId);

  /** Newest first: by time, then in the reverse of the order they were written. */
  @Override
  public Page<AuditEvent> find(Criteria criteria, PageRequest request) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(request, "request");
    List<AuditEvent> newestWrittenFirst = new ArrayList<>(db.history.events());
    Collections.reverse(newestWrittenFirst);
    Page<AuditEvent> page = Matching.page(newestWrittenFirst, criteria, FIELDS,
        Comparator.comparing(AuditEvent::at).reversed(), request);
    return db.counted(page, page.items().size());
  }

  @Override
  public List<AuditEvent> events(UUID actorId, String resourceType, UUID resourceId,
      Instant since) {
    List<AuditEvent> events = db.history.events().stream()
        .filter(e -> actorId == null || actorId.equals(e.actorId()))
        .filter(e -> resourceType == null || resourceType.equals(e.resourceType()))
        .filter(e -> resourceId == null || resourceId.equals(e.resourceId()))
        .filter(e -> since == null || !e.at().isBefore(since))
        .sorted(Comparator.comparing(AuditEvent::at))
        .toList();
    return db.counted(events, events.size());
  }

  @Override
  public List<ActivitySummary> activity(UUID actorId, Instant since) {
    Objects.requireNonNull(since, "since");
    record Key(UUID actor, String action) {}
    Map<Key, long[]> counts = new LinkedHashMap<>();
    Map<Key, Instant> last = new LinkedHashMap<>();
    for (AuditEvent e : db.history.events()) {
      if (e.at().isBefore(since) || actorId != null && !actorId.equals(e.actorId())) {
        continue;
      }
      Key key = new Key(e.actorId(), e.action());
      counts.computeIfAbsent(key, k -> new long[1])[0]++;
      last.merge(key, e.at(), (a, b) -> a.isAfter(b) ? a : b);
    }
    List<ActivitySummary> result = new ArrayList<>();
    counts.forEach((k, n) -> result.add(new ActivitySummary(k.actor(), k.action(), n[0],
        last.get(k))));
    result.sort(Comparator.comparingLong(ActivitySummary::count).reversed()
        .thenComparing(ActivitySummary::action));
    return db.counted(result, result.size());
  }
}
