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

/**
 * Reads the history a store keeps of audited entities, and its hash chain. Every committed unit of
 * work that changed audited rows is one revision (see {@linkplain dev.restock.api.spi.Store the
 * store's history rules}, which also cover units of work and exceptions); a revision's entity
 * states are described on {@link EntityRevision}. Checked by {@code StoreContract} (its {@code
 * AuditHistoryContract}, {@code HistoryChainContract} and {@code HistoryTamperContract} cases),
 * {@code AuditContract} and {@code TrustContract}.
 *
 * <p>The chain: each committed revision gets the next position ({@code seq}, from 1, in commit
 * order) and a hash over its content and the previous revision's hash, starting from a random
 * genesis drawn when the store is created. Which hash function and which content format a store
 * uses is its own choice (both bundled stores hash, with SHA-256, the content's UTF-8 bytes
 * followed by {@code "\nP|"} and the previous hash, written as lower-case hexadecimal); the kit
 * checks that hashes are 64 lower-case hexadecimal digits, that they link, and that a revision's
 * content names what it wrote. Rolled-back units and read-only units add nothing to the chain.
 */
@Stable(since = "0.1")
public interface AuditHistory {

  /**
   * Every revision of one entity, oldest first (in commit order), including its deletion (a
   * {@code DELETED} revision) and restores (each a {@code MODIFIED} revision with the restoring
   * unit's action). Empty when the entity never existed.
   */
  List<EntityRevision> revisions(AuditedType type, UUID id);

  /**
   * The last revision of one entity committed at or before {@code at}: its state then (a
   * {@link dev.restock.api.audit.RevisionKind#DELETED} revision when it was deleted then). Empty
   * when it did not exist yet. A revision committed exactly at {@code at} counts: asked at the
   * instant a revision was committed, the answer is that revision ({@code StoreContract}).
   */
  Optional<EntityRevision> stateAt(AuditedType type, UUID id, Instant at);

  /**
   * A device with its cabinets, their planograms and slots as they were at {@code at}, read in a
   * fixed number of statements. Empty when the device did not exist or was deleted then. Each
   * part is an {@link EntityRevision}-style state (for example a slot's {@code position} and
   * {@code quantity}); slots come in position order.
   */
  @Experimental(since = "0.1")
  Optional<DeviceSnapshot> deviceAt(UUID deviceId, Instant at);

  /**
   * Every entity written by revisions of {@code actorId} committed in {@code [from, to)} (from
   * inclusive, to exclusive), in revision order; within one revision the order is unspecified.
   * Revisions of other actors are left out. The kit checks both bounds: a revision committed at
   * {@code from} is in, one committed at {@code to} is out ({@code StoreContract}).
   */
  @Experimental(since = "0.1")
  List<EntityChange> changesBy(UUID actorId, Instant from, Instant to);

  /**
   * For each of these entities that was ever deleted, the revision of its latest deletion; ids
   * never deleted are absent, an empty collection gives an empty map. After delete, restore and
   * delete again, the second deletion is the one answered ({@code StoreContract}). Stores SHOULD
   * answer in one read whatever the number of ids; this default reads each entity's revisions in
   * turn.
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
   * revision's data, the audited rows it wrote and its audit events; also checks every stored
   * {@link Checkpoint} against the chain. Checked by the kit: intact after normal use, with
   * {@code checked} equal to the number of chained revisions; a checkpoint whose chain hash
   * differs from the chain's at its size, whose size is beyond the chain, or whose genesis is
   * another chain's is a problem each ({@code problems} naming {@code "checkpoint at size N"}).
   * Edits of stored history made behind the store's ports are breaks, each checked by the kit
   * ({@code HistoryTamperContract}, through a tampering hook the store's tests provide): a field
   * of a recorded entity state or an audit event changed is a break at that revision
   * ({@code firstBroken}); a deleted revision is a break at the revision after it, whose problem
   * names that revision and says what is missing; a head whose hash is not the chain's at the
   * head's size is a problem naming the head and that hash; the newest revision removed with a
   * head moved back consistently is caught by a stored checkpoint beyond the chain.
   */
  @Experimental(since = "0.1")
  ChainVerification verifyChain();

  /**
   * Like {@link #verifyChain()}, but recomputes hashes only after chain position {@code afterSeq},
   * trusting revisions up to it because a verified checkpoint covers them: the revision at
   * {@code afterSeq} must still carry {@code chainHashAtSeq}. Structural checks (unchained
   * revisions after the genesis, gaps, orphan audit rows and events, the head) still cover the
   * whole history; {@code checked} counts only the revisions after {@code afterSeq}. When the
   * revision at {@code afterSeq} carries another hash, or there is none at that position, the
   * result is broken, with a problem naming the position. Stores SHOULD override this to read
   * only what follows {@code afterSeq}; the default walks everything.
   */
  @Experimental(since = "0.1")
  default ChainVerification verifyChain(long afterSeq, String chainHashAtSeq) {
    return verifyChain();
  }

  /**
   * The chain's head as recorded: genesis, size and newest hash. A new store answers size 0, a
   * random genesis (never all zeros) and the genesis as hash; the size then grows by one per
   * committed revision.
   */
  @Experimental(since = "0.1")
  ChainHead chainHead();

  /**
   * Hands every chained revision with {@code fromSeq <= seq <= toSeq} to {@code each}, in
   * sequence order, reading in bounded memory (a page at a time). Content is recomputed from what
   * is stored now; {@code previousHash} and {@code hash} are what was recorded. Bounds beyond the
   * chain hand nothing; a range read twice hands equal revisions while nothing is edited.
   */
  @Experimental(since = "0.1")
  void chained(long fromSeq, long toSeq, Consumer<ChainedRevision> each);

  /**
   * Stores a checkpoint (signed or not) in the unit of work's transaction: it rolls back with the
   * unit. Every field is read back exactly, its time to the nanosecond and a null key id and
   * signature as null.
   */
  @Experimental(since = "0.1")
  void saveCheckpoint(Checkpoint checkpoint);

  /** Every stored checkpoint, oldest (smallest size) first, whatever the order they were saved. */
  @Experimental(since = "0.1")
  List<Checkpoint> checkpoints();

  /**
   * Every live row of an audited type whose fields differ from its latest audited state, or that
   * has no audited state: edits made to the stored rows behind the engine's back. Empty after
   * normal use, deletes and restores included ({@code HistoryChainContract}); a live row's field
   * changed behind the store's ports is one drift naming the type, id, field, audited and live
   * values ({@code HistoryTamperContract}).
   */
  @Experimental(since = "0.1")
  List<LiveDrift> liveDrift();
}
