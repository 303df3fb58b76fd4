package dev.restock.api.audit.port.in;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.audit.ActivitySummary;
import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.IntegrityCheck;
import dev.restock.api.audit.IntegrityReport;
import dev.restock.api.audit.DeletionInfo;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.FieldChange;
import dev.restock.api.audit.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Answers who changed what, when and why, and whether the records are intact. */
@Stable(since = "0.1")
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
  @Experimental(since = "0.1")
  DeviceSnapshot deviceAsOf(UUID deviceId, Instant at);

  /** Every entity one actor changed in {@code [from, to)}, in revision order. */
  @Experimental(since = "0.1")
  List<EntityChange> changesBy(UUID actorId, Instant from, Instant to);

  /**
   * Who deleted an entity, when and why (its latest deletion).
   *
   * @throws dev.restock.api.error.NotFoundException when it was never deleted
   */
  @Experimental(since = "0.1")
  DeletionInfo deletion(AuditedType type, UUID id);

  /**
   * {@link #deletion} for many entities in one read: the latest deletion of each one that was
   * ever deleted, by id; ids never deleted are absent.
   */
  @Experimental(since = "0.1")
  java.util.Map<UUID, DeletionInfo> deletions(AuditedType type, java.util.Collection<UUID> ids);

  /** Domain audit events since {@code since}, optionally of one actor (null for all). */
  @Experimental(since = "0.1")
  List<AuditEvent> events(@Nullable UUID actorId, Instant since);

  /**
   * A page of domain audit events matching {@code criteria} over {@link
   * dev.restock.api.query.SearchFields#AUDIT_EVENT} (time, actor, action, resource type and id,
   * client address, user agent, correlation id), sorted by its sort keys, then newest first.
   *
   * @throws dev.restock.api.error.ValidationException naming every unknown field and every value
   *     of the wrong type, before anything is read
   */
  @Experimental(since = "0.1")
  dev.restock.api.query.Page<AuditEvent> events(dev.restock.api.query.Criteria criteria,
      dev.restock.api.query.PageRequest request);

  /**
   * Actions per actor over the last {@code days} days with count and last occurrence, most
   * frequent first; of one actor when {@code actorId} is not null.
   */
  @Experimental(since = "0.1")
  List<ActivitySummary> activity(@Nullable UUID actorId, int days);

  /** Walks the history hash chain; reports the first revision altered or removed. */
  @Experimental(since = "0.1")
  ChainVerification verify();

  /**
   * Verifies history as far as {@code check} allows: the store's chain walk, the Merkle root at
   * every stored checkpoint's size, every signature with the public key, the chain against every
   * anchored checkpoint (a chain shorter than an anchor, or with another root at its size, is a
   * break), and the live tables when asked. Reads in bounded memory, one pass over the chain.
   * The report says plainly what could not be proven (no key, no anchors).
   */
  @Experimental(since = "0.1")
  IntegrityReport verify(IntegrityCheck check);

  /**
   * Makes a checkpoint of the chain now: the Merkle root over every chained revision, signed when
   * the engine has a signer, stored, and published to the anchor sinks. Refuses (conflict) when
   * the chain after the previous checkpoint is broken, so a tampered chain is never signed.
   * Returns the newest checkpoint unchanged when no revision was chained since.
   *
   * @throws dev.restock.api.error.ConflictException when the chain is broken
   */
  @Experimental(since = "0.1")
  Checkpoint checkpoint();

  /** Every stored checkpoint, oldest first. */
  @Experimental(since = "0.1")
  List<Checkpoint> checkpoints();

  /**
   * An inclusion proof of one revision up to the newest stored checkpoint that covers it
   * (signed ones preferred), for checking offline.
   *
   * @throws dev.restock.api.error.NotFoundException when the revision is not chained, or no
   *     checkpoint covers it yet
   * @throws dev.restock.api.error.ConflictException when the stored chain no longer matches that
   *     checkpoint
   */
  @Experimental(since = "0.1")
  InclusionProof prove(long revisionId);

  /**
   * A consistency proof between the stored checkpoints of sizes {@code olderSize} and
   * {@code newerSize}.
   *
   * @throws dev.restock.api.error.NotFoundException when no checkpoint has either size
   * @throws dev.restock.api.error.ValidationException when {@code olderSize > newerSize}
   * @throws dev.restock.api.error.ConflictException when the stored chain no longer matches them
   */
  @Experimental(since = "0.1")
  ConsistencyProof consistency(long olderSize, long newerSize);

  /** Live rows that disagree with their latest audited state (edits made behind the engine). */
  @Experimental(since = "0.1")
  List<LiveDrift> liveDrift();
}
