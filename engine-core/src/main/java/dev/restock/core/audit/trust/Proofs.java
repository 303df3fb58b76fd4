package dev.restock.core.audit.trust;

import dev.restock.api.audit.ChainHead;
import dev.restock.api.audit.ChainedRevision;
import dev.restock.api.audit.Checkpoint;
import dev.restock.api.audit.ConsistencyProof;
import dev.restock.api.audit.InclusionProof;
import dev.restock.api.audit.port.out.AuditHistory;
import dev.restock.api.error.ConflictException;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.error.ValidationException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds inclusion and consistency proofs from the stored chain, streaming: memory grows with the
 * proof (log n hashes), not with history. Call inside one read-only unit of work.
 */
public final class Proofs {
  private static final HexFormat HEX = HexFormat.of();

  private Proofs() {}

  public static InclusionProof inclusion(AuditHistory history, long revisionId) {
    ChainHead head = history.chainHead();
    ChainedRevision[] found = {null};
    history.chained(1, head.size(), r -> {
      if (found[0] == null && r.revisionId() == revisionId) {
        found[0] = r;
      }
    });
    if (found[0] == null) {
      throw new NotFoundException("chained revision", revisionId);
    }
    ChainedRevision revision = found[0];
    List<Checkpoint> covering = history.checkpoints().stream()
        .filter(c -> c.genesis().equals(head.genesis()) && c.size() >= revision.seq()
            && c.size() <= head.size()).toList();
    // the newest signed checkpoint is the one most likely to be anchored and known to auditors
    Checkpoint checkpoint = covering.stream().filter(Checkpoint::signed)
        .max(Comparator.comparingLong(Checkpoint::size))
        .or(() -> covering.stream().max(Comparator.comparingLong(Checkpoint::size)))
        .orElseThrow(() -> new NotFoundException("checkpoint covering revision",
            revisionId + " (chain position " + revision.seq() + "; make one with "
                + "'audit checkpoint')"));
    MerkleTree.RangeHasher path = new MerkleTree.RangeHasher(
        MerkleTree.inclusionRanges(revision.seq() - 1, checkpoint.size()));
    MerkleTree.Accumulator root = new MerkleTree.Accumulator();
    history.chained(1, checkpoint.size(), r -> {
      byte[] leaf = MerkleTree.leafHash(r.leafData());
      path.add(leaf);
      root.add(leaf);
    });
    requireRoot(root, checkpoint);
    return new InclusionProof(revisionId, revision.seq(), revision.content(), checkpoint.size(),
        path.hashes().stream().map(HEX::formatHex).toList(), checkpoint);
  }

  public static ConsistencyProof consistency(AuditHistory history, long olderSize, long newerSize) {
    if (olderSize > newerSize || olderSize < 0) {
      throw ValidationException.of("olderSize", "must be between 0 and the newer size "
          + newerSize + " (was " + olderSize + ")");
    }
    List<Checkpoint> stored = history.checkpoints();
    Checkpoint older = bySize(stored, olderSize);
    Checkpoint newer = bySize(stored, newerSize);
    MerkleTree.RangeHasher path = new MerkleTree.RangeHasher(
        MerkleTree.consistencyRanges(olderSize, newerSize));
    MerkleTree.Accumulator root = new MerkleTree.Accumulator();
    byte[][] olderRoot = {olderSize == 0 ? root.root() : null};
    history.chained(1, newerSize, r -> {
      byte[] leaf = MerkleTree.leafHash(r.leafData());
      path.add(leaf);
      root.add(leaf);
      if (root.size() == olderSize) {
        olderRoot[0] = root.root();
      }
    });
    if (olderRoot[0] == null || !HEX.formatHex(olderRoot[0]).equals(older.rootHash())) {
      throw new ConflictException("the stored chain no longer matches the checkpoint of size "
          + olderSize + " (run audit verify)");
    }
    requireRoot(root, newer);
    return new ConsistencyProof(older, newer,
        path.hashes().stream().map(HEX::formatHex).toList());
  }

  private static Checkpoint bySize(List<Checkpoint> stored, long size) {
    Optional<Checkpoint> signed = stored.stream()
        .filter(c -> c.size() == size && c.signed()).reduce((a, b) -> b);
    return signed.or(() -> stored.stream().filter(c -> c.size() == size).reduce((a, b) -> b))
        .orElseThrow(() -> new NotFoundException("checkpoint of size", size));
  }

  private static void requireRoot(MerkleTree.Accumulator root, Checkpoint checkpoint) {
    if (root.size() != checkpoint.size()
        || !HEX.formatHex(root.root()).equals(checkpoint.rootHash())) {
      throw new ConflictException("the stored chain no longer matches the checkpoint of size "
          + checkpoint.size() + " (" + checkpoint.time() + "); run audit verify");
    }
  }
}
