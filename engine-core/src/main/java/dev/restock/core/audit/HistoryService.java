package dev.restock.core.audit;

import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.audit.LiveDrift;
import dev.restock.core.audit.trust.IntegrityVerifier;
import dev.restock.core.audit.trust.Proofs;
import dev.restock.core.security.AccessPolicy;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.error.ValidationException;
import dev.restock.api.validation.Checks;
import java.time.Duration;
import java.time.Instant;
import dev.restock.api.audit.Actor;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import dev.restock.api.audit.RevisionKind;
import dev.restock.api.audit.port.in.HistoryQueries;
import dev.restock.api.error.NotFoundException;
import dev.restock.core.usecase.CoreContext;
import dev.restock.core.usecase.UseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/** History of one entity with field-by-field changes between consecutive revisions. */
public final class HistoryService extends UseCase implements HistoryQueries {
  /** The action a checkpoint on request is authorized as. */
  static final String CHECKPOINT = "audit.checkpoint";

  public HistoryService(CoreContext ctx, Actor actor) {
    super(ctx, actor);
  }

  @Override
  public List<HistoryEntry> history(AuditedType type, UUID id) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    List<EntityRevision> revisions = read(() -> store().history().revisions(type, id));
    if (revisions.isEmpty()) {
      throw new NotFoundException(type.label() + " history", id);
    }
    return diff(revisions);
  }

  @Override
  public List<FieldChange> diff(AuditedType type, UUID id, long fromRevision, long toRevision) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    List<EntityRevision> revisions = read(() -> store().history().revisions(type, id));
    Map<String, String> from = stateOf(revisions, type, id, fromRevision);
    Map<String, String> to = stateOf(revisions, type, id, toRevision);
    return changes(from, to);
  }

  @Override
  public EntityRevision asOf(AuditedType type, UUID id, Instant at) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    new Checks().instant(at, "at").throwIfAny();
    return read(() -> store().history().stateAt(type, id, at))
        .orElseThrow(() -> new NotFoundException(type.label() + " at " + at, id));
  }

  @Override
  public DeviceSnapshot deviceAsOf(UUID deviceId, Instant at) {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(at, "at");
    new Checks().instant(at, "at").throwIfAny();
    return read(() -> store().history().deviceAt(deviceId, at))
        .orElseThrow(() -> new NotFoundException("device at " + at, deviceId));
  }

  @Override
  public List<EntityChange> changesBy(UUID actorId, Instant from, Instant to) {
    Objects.requireNonNull(actorId, "actorId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    new Checks().instant(from, "from").instant(to, "to").throwIfAny();
    if (!from.isBefore(to)) {
      throw ValidationException.of("from", "must be before 'to' (" + from + " >= " + to + ")");
    }
    return read(() -> store().history().changesBy(actorId, from, to));
  }

  @Override
  public DeletionInfo deletion(AuditedType type, UUID id) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    List<EntityRevision> revisions = read(() -> store().history().revisions(type, id));
    for (int i = revisions.size() - 1; i >= 0; i--) {
      if (revisions.get(i).kind() == RevisionKind.DELETED) {
        return new DeletionInfo(type, id, revisions.get(i).info());
      }
    }
    throw new NotFoundException("deletion of " + type.label(), id);
  }

  @Override
  public java.util.Map<UUID, DeletionInfo> deletions(AuditedType type,
      java.util.Collection<UUID> ids) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ids, "ids");
    java.util.Map<UUID, DeletionInfo> result = new java.util.LinkedHashMap<>();
    if (!ids.isEmpty()) {
      read(() -> store().history().lastDeletions(type, ids))
          .forEach((id, info) -> result.put(id, new DeletionInfo(type, id, info)));
    }
    return result;
  }

  @Override
  public List<AuditEvent> events(UUID actorId, Instant since) {
    Objects.requireNonNull(since, "since");
    new Checks().instant(since, "since").throwIfAny();
    return read(() -> store().auditLog().events(actorId, null, null, since));
  }

  @Override
  public dev.restock.api.query.Page<AuditEvent> events(dev.restock.api.query.Criteria criteria,
      dev.restock.api.query.PageRequest request) {
    return search(dev.restock.api.query.SearchFields.AUDIT_EVENT, criteria, request,
        (checked, page) -> store().auditLog().find(checked, page));
  }

  @Override
  public List<ActivitySummary> activity(UUID actorId, int days) {
    if (days < 1 || days > 3660) {
      throw ValidationException.of("days", "must be between 1 and 3660 (was " + days + ")");
    }
    Instant since = ctx.clock().instant().minus(Duration.ofDays(days));
    return read(() -> store().auditLog().activity(actorId, since));
  }

  @Override
  public ChainVerification verify() {
    return read(() -> store().history().verifyChain());
  }

  @Override
  public IntegrityReport verify(IntegrityCheck check) {
    Objects.requireNonNull(check, "check");
    return read(() -> IntegrityVerifier.verify(store().history(), check));
  }

  @Override
  public Checkpoint checkpoint() {
    // the permission is checked in a unit of its own: the checkpointer runs its own units, and
    // a refused caller must not have started one
    ctx.store().transactions().read(() -> AccessPolicy.authorize(store(), actor, CHECKPOINT));
    return ctx.checkpoints().checkpointNow();
  }

  @Override
  public List<Checkpoint> checkpoints() {
    return read(() -> store().history().checkpoints());
  }

  @Override
  public InclusionProof prove(long revisionId) {
    return read(() -> Proofs.inclusion(store().history(), revisionId));
  }

  @Override
  public ConsistencyProof consistency(long olderSize, long newerSize) {
    return read(() -> Proofs.consistency(store().history(), olderSize, newerSize));
  }

  @Override
  public List<LiveDrift> liveDrift() {
    return read(() -> store().history().liveDrift());
  }

  private static Map<String, String> stateOf(List<EntityRevision> revisions, AuditedType type,
      UUID id, long revision) {
    return revisions.stream().filter(r -> r.info().number() == revision).findFirst()
        .map(EntityRevision::state)
        .orElseThrow(() -> new NotFoundException(type.label() + " revision " + revision, id));
  }

  private static List<FieldChange> changes(Map<String, String> previous,
      Map<String, String> current) {
    List<FieldChange> changes = new ArrayList<>();
    TreeSet<String> fields = new TreeSet<>(previous.keySet());
    fields.addAll(current.keySet());
    for (String field : fields) {
      String before = previous.get(field);
      String after = current.get(field);
      if (!Objects.equals(before, after)) {
        changes.add(new FieldChange(field, before, after));
      }
    }
    return changes;
  }

  /** Each revision compared with the one before; a deletion lists no changes. */
  static List<HistoryEntry> diff(List<EntityRevision> revisions) {
    List<HistoryEntry> entries = new ArrayList<>();
    Map<String, String> previous = Map.of();
    for (EntityRevision revision : revisions) {
      List<FieldChange> changes = List.of();
      if (revision.kind() != RevisionKind.DELETED) {
        changes = changes(previous, revision.state());
        previous = revision.state();
      }
      entries.add(new HistoryEntry(revision.info(), revision.kind(), changes));
    }
    return entries;
  }
}
