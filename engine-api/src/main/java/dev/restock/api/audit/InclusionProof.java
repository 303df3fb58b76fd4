package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * Evidence that one revision is part of a signed history, checkable offline with the signer's
 * public key and nothing else (RFC 9162 §2.1.3).
 *
 * @param revisionId the revision's id in the store
 * @param seq its chain position (from 1); the Merkle leaf index is {@code seq - 1}
 * @param content the revision's canonical content ({@link ChainedRevision#content()}), whose
 *     UTF-8 bytes are the leaf's data: who, when, why and every audited row it wrote
 * @param treeSize the number of leaves of the tree the path leads through; equals
 *     {@code checkpoint.size()}
 * @param auditPath hex subtree hashes from the leaf up to the root, in RFC 9162 order
 * @param checkpoint the checkpoint whose root the path leads to; signed unless no key was
 *     configured when it was made (then the proof shows consistency, not authenticity)
 */
@Experimental(since = "0.1")
public record InclusionProof(long revisionId, long seq, String content, long treeSize,
    List<String> auditPath, Checkpoint checkpoint) {
  public InclusionProof {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(checkpoint, "checkpoint");
    auditPath = List.copyOf(auditPath);
  }

  /** The Merkle leaf index: {@code seq - 1}. */
  public long leafIndex() {
    return seq - 1;
  }
}
