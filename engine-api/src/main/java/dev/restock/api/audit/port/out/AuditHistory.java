package dev.restock.api.audit.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.audit.AuditedType;
import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainVerification;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.LiveDrift;
import dev.restock.api.audit.DeviceSnapshot;
import dev.restock.api.audit.EntityChange;
import dev.restock.api.audit.EntityRevision;
import dev.restock.api.audit.RevisionInfo;
import dev.restock.api.audit.RevisionKind;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads the history a store keeps of audited entities. Call inside a unit of work. */
@Stable(since = "0.1")
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
  @Experimental(since = "0.1")
  Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at);

  /**
   * Every entity written by revisions of {@code actorId} committed in {@code [from, to)}, in
   * revision order.
   */
  @Experimental(since = "0.1")
  List<EntityChange> changesBy(UUID actorId, Instant from, Instant to);

  /**
   * For each of these entities that was ever deleted, the revision of its latest deletion; ids
   * never deleted are absent. Stores SHOULD answer in one read whatever the number of ids; this
   * default reads each entity's revisions in turn.
   */
  default Map<UUID, RevisionInfo> lastDeletions(AuditedType type, Collection<UUID> ids) {
    Map<UUID, RevisionInfo> result = new HashMap<>();
    for (UUID id : new LinkedHashSet<>(ids)) {
      revisions(type, id).stream().filter(r -> r.kind() == RevisionKind.DELETED)
          .reduce((a, b) -> b).ifPresent(r -> result.put(id, r.info()));
    }
    return result;
  }

  /**
   * Walks the hash chain over all revisions in commit order and recomputes each hash from the
   * revision's data, the audited rows it wrote and its audit events.
   */
  @Experimental(since = "0.1")
  ChainVerification verifyChain();

  /**
   * Like {@link #verifyChain()}, but recomputes hashes only after chain position {@code afterSeq},
   * trusting revisions up to it because a verified checkpoint covers them: the revision at
   * {@code afterSeq} must still carry {@code chainHashAtSeq}. Structural checks (unchained
   * revisions after the genesis, gaps, orphan audit rows and events, the head) still cover the
   * whole history. Stores SHOULD override this to read only what follows {@code afterSeq}; the
   * default walks everything.
   */
  @Experimental(since = "0.1")
  default ChainVerification verifyChain(long afterSeq, String chainHashAtSeq) {
    return verifyChain();
  }

  /** The chain's head as recorded: genesis, size and newest hash. */
  @Experimental(since = "0.1")
  ChainHead chainHead();

  /**
   * Hands every chained revision with {@code fromSeq <= seq <= toSeq} to {@code each}, in
   * sequence order, reading in bounded memory (a page at a time). Content is recomputed from what
   * is stored now; {@code previousHash} and {@code hash} are what was recorded.
   */
  @Experimental(since = "0.1")
  void chained(long fromSeq, long toSeq, Consumer<ChainedRevision> each);

  /** Stores a checkpoint (signed or not) in the unit of work's transaction. */
  @Experimental(since = "0.1")
  void saveCheckpoint(Checkpoint checkpoint);

  /** Every stored checkpoint, oldest (smallest size) first. */
  @Experimental(since = "0.1")
  List<Checkpoint> checkpoints();

  /**
   * Every live row of an audited type whose fields differ from its latest audited state, or that
   * has no audited state: edits made by SQL behind the engine's back.
   */
  @Experimental(since = "0.1")
  List<LiveDrift> liveDrift();
}
