package dev.restock.api.audit.port.out;

import dev.restock.api.stability.Stable;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the history a store keeps of audited entities. Call inside a unit of work. */
@Stable
public interface AuditHistory {

  /**
   * Every revision of one entity, oldest first, including its deletion and restores. Empty when
   * the entity never existed.
   */
  List<EntityRevision> revisions(AuditedType type, UUID id);

  /**
   * The last revision of one entity committed at or before {@code at}: its state then (a
   * {@link dev.restock.api.audit.RevisionKind#DELETED} revision when it was deleted then). Empty
   * when it did not exist yet.
   */
  Optional<EntityRevision> stateAt(AuditedType type, UUID id, Instant at);

  /**
   * A device with its cabinets, their planograms and slots as they were at {@code at}, read in a
   * fixed number of statements. Empty when the device did not exist or was deleted then.
   */
  Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at);

  /**
   * Every entity written by revisions of {@code actorId} committed in {@code [from, to)}, in
   * revision order.
   */
  List<EntityChange> changesBy(UUID actorId, Instant from, Instant to);

  /**
   * Walks the hash chain over all revisions in commit order and recomputes each hash from the
   * revision's data, the audited rows it wrote and its audit events.
   */
  ChainVerification verifyChain();
}
