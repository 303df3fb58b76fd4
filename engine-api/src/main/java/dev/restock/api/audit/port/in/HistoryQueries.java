package dev.restock.api.audit.port.in;

import dev.restock.api.stability.Stable;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers who changed what, when and why, and whether the records are intact. */
@Stable
public interface HistoryQueries {

  /**
   * Revisions of one entity, oldest first, each with the fields it changed.
   *
   * @throws dev.restock.api.error.NotFoundException when the entity has no history at all
   */
  List<HistoryEntry> history(AuditedType type, UUID id);

  /**
   * Field-by-field differences of one entity between two of its revisions (old value at
   * {@code fromRevision}, new value at {@code toRevision}).
   *
   * @throws dev.restock.api.error.NotFoundException when either revision did not write the entity
   */
  List<FieldChange> diff(AuditedType type, UUID id, long fromRevision, long toRevision);

  /**
   * The entity as it was at {@code at}.
   *
   * @throws dev.restock.api.error.NotFoundException when it did not exist at that time
   */
  EntityRevision asOf(AuditedType type, UUID id, Instant at);

  /**
   * A device with its cabinets, planograms and slots as they were at {@code at}.
   *
   * @throws dev.restock.api.error.NotFoundException when the device did not exist (or was
   *     deleted) at that time
   */
  DeviceSnapshot deviceAsOf(UUID deviceId, Instant at);

  /** Every entity one actor changed in {@code [from, to)}, in revision order. */
  List<EntityChange> changesBy(UUID actorId, Instant from, Instant to);

  /**
   * Who deleted an entity, when and why (its latest deletion).
   *
   * @throws dev.restock.api.error.NotFoundException when it was never deleted
   */
  DeletionInfo deletion(AuditedType type, UUID id);

  /**
   * {@link #deletion} for many entities in one read: the latest deletion of each one that was
   * ever deleted, by id; ids never deleted are absent.
   */
  java.util.Map<UUID, DeletionInfo> deletions(AuditedType type, java.util.Collection<UUID> ids);

  /** Domain audit events since {@code since}, optionally of one actor (null for all). */
  List<AuditEvent> events(UUID actorId, Instant since);

  /**
   * A page of domain audit events matching {@code criteria} over {@link
   * dev.restock.api.shared.SearchFields#AUDIT_EVENT} (time, actor, action, resource type and id,
   * client address, user agent, correlation id), sorted by its sort keys, then newest first.
   *
   * @throws dev.restock.api.error.ValidationException naming every unknown field and every value
   *     of the wrong type, before anything is read
   */
  dev.restock.api.shared.Page<AuditEvent> events(dev.restock.api.shared.Criteria criteria,
      dev.restock.api.shared.PageRequest request);

  /**
   * Actions per actor over the last {@code days} days with count and last occurrence, most
   * frequent first; of one actor when {@code actorId} is not null.
   */
  List<ActivitySummary> activity(UUID actorId, int days);

  /** Walks the history hash chain; reports the first revision altered or removed. */
  ChainVerification verify();
}
