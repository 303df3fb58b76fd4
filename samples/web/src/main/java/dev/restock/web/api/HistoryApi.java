package dev.restock.web.api;

import dev.restock.api.Restock;
import dev.restock.api.RestockSession;
import dev.restock.api.aggregate.Aggregate;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.ops.Health;
import dev.restock.api.query.Criteria;
import dev.restock.api.query.Page;
import dev.restock.api.query.Visibility;
import dev.restock.web.AuditedTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who changed what, when and why: the history of any entity with its field changes, an entity
 * as it was at a time, deleted entities and their restore, audit events, the verification of
 * the history chain, and the engine's health.
 */
@RestController
@Tag(name = "History and audit", description = "History, deleted entities, audit, health")
public class HistoryApi {
  private final ApiSupport api;
  private final Restock restock;

  HistoryApi(ApiSupport api, Restock restock) {
    this.api = api;
    this.restock = restock;
  }

  /** A deleted entity: its id, its last state and who deleted it, when and why. */
  public record Deleted(UUID id, Aggregate entity, DeletionInfo deletion) {}

  /**
   * The outcome of verifying history: whether it is intact, every problem found, how many
   * revisions were checked, the chain head read, and what the check could not prove.
   */
  public record Verification(boolean intact, List<String> problems, long revisions,
      ChainHead head, List<String> limits) {}

  /**
   * The engine's health as the starter's health indicator reports it: UP or DOWN, the store,
   * its round-trip latency, schema version, pool figures and the problem when down.
   */
  public record HealthReport(String status, String store, long latencyMillis,
      String schemaVersion, Health.PoolStatus pool, String problem) {}

  /** Revisions of one entity, oldest first, each with the fields it changed (old and new). */
  @GetMapping("/api/history/{type}/{id}")
  @Operation(summary = "History of an entity with field changes (type: product, route, "
      + "service-order, ...)")
  public List<HistoryEntry> history(@PathVariable String type, @PathVariable UUID id) {
    return api.session().history().history(AuditedTypes.of(type), id);
  }

  /** Field differences of one entity between two of its revisions. */
  @GetMapping("/api/history/{type}/{id}/diff")
  @Operation(summary = "Field differences of an entity between two revisions")
  public List<FieldChange> diff(@PathVariable String type, @PathVariable UUID id,
      @RequestParam long from, @RequestParam long to) {
    return api.session().history().diff(AuditedTypes.of(type), id, from, to);
  }

  /** The entity as it was at {@code at} (an ISO-8601 instant). */
  @GetMapping("/api/history/{type}/{id}/as-of")
  @Operation(summary = "An entity as it was at a time")
  public EntityRevision asOf(@PathVariable String type, @PathVariable UUID id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
    return api.session().history().asOf(AuditedTypes.of(type), id, at);
  }

  /** Deleted entities of a type, each with its deletion. */
  @GetMapping("/api/deleted/{type}")
  @Operation(summary = "Deleted entities of a type, with who deleted them, when and why")
  public Page<Deleted> deleted(@PathVariable String type,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    AuditedType audited = AuditedTypes.of(type);
    RestockSession session = api.session();
    Page<? extends Aggregate> items = AuditedTypes.management(session, audited)
        .list(ApiSupport.page(page, size), Visibility.ONLY_DELETED);
    Map<UUID, DeletionInfo> deletions = session.history().deletions(audited,
        items.items().stream().map(Aggregate::id).toList());
    return items.map(a -> new Deleted(a.id(), a, deletions.get(a.id())));
  }

  /** Restores a deleted entity; history records the restore as its own revision. */
  @PostMapping("/api/deleted/{type}/{id}/restore")
  @Operation(summary = "Restore a deleted entity")
  public Aggregate restore(@PathVariable String type, @PathVariable UUID id) {
    RestockSession session = api.session();
    return AuditedTypes.management(session, AuditedTypes.of(type)).restore(id);
  }

  /** Audit events, newest first, filtered by any of the parameters. */
  @GetMapping("/api/audit/events")
  @Operation(summary = "Audit events (filters: since, until, actorId, action prefix, "
      + "resourceType, resourceId, correlationId)")
  public Page<AuditEvent> events(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant since,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant until,
      @RequestParam(required = false) UUID actorId,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String resourceType,
      @RequestParam(required = false) UUID resourceId,
      @RequestParam(required = false) String correlationId) {
    Criteria criteria = Criteria.all();
    if (since != null) {
      criteria = criteria.and("at", Criteria.Operator.GE, since);
    }
    if (until != null) {
      criteria = criteria.and("at", Criteria.Operator.LT, until);
    }
    if (actorId != null) {
      criteria = criteria.and("actorId", Criteria.Operator.EQ, actorId);
    }
    if (action != null && !action.isBlank()) {
      criteria = criteria.and("action", Criteria.Operator.STARTS_WITH, action.strip());
    }
    if (resourceType != null && !resourceType.isBlank()) {
      criteria = criteria.and("resourceType", Criteria.Operator.EQ, resourceType.strip());
    }
    if (resourceId != null) {
      criteria = criteria.and("resourceId", Criteria.Operator.EQ, resourceId);
    }
    if (correlationId != null && !correlationId.isBlank()) {
      criteria = criteria.and("correlationId", Criteria.Operator.EQ, correlationId.strip());
    }
    return api.session().history().events(criteria, ApiSupport.page(page, size));
  }

  /** Walks the history hash chain and its checkpoints. */
  @GetMapping("/api/audit/verify")
  @Operation(summary = "Verify the history chain: intact, problems, revisions, head")
  public Verification verify() {
    IntegrityReport report = api.session().history().verify(IntegrityCheck.internal());
    List<String> problems = new ArrayList<>(report.chain().problems());
    report.breaks().stream().filter(b -> !problems.contains(b)).forEach(problems::add);
    return new Verification(report.intact(), problems, report.chain().checked(), report.head(),
        report.limits());
  }

  /** The engine's health: 200 when the store answers, 503 when it does not. */
  @GetMapping("/api/health")
  @Operation(summary = "The engine's health (503 when the store does not answer)")
  public ResponseEntity<HealthReport> health() {
    Health h = restock.health();
    HealthReport report = new HealthReport(h.up() ? "UP" : "DOWN", h.store(),
        h.latency().toMillis(), h.schemaVersion(), h.pool(), h.problem());
    return ResponseEntity.status(h.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(report);
  }


}
