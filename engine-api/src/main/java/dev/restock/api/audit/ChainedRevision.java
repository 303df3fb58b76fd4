package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One revision as the history chain sees it.
 *
 * @param seq its position in the chain, from 1, in commit order
 * @param revisionId the store's revision id
 * @param content the canonical text the store hashed for this revision: the revision's own
 *     fields, every audit row it wrote and its audit events, one line each, in a fixed order. The
 *     store recomputes it from what is stored now, so it shows any later edit. It is the leaf of
 *     the Merkle tree over the chain (RFC 9162: leaf hash = SHA-256(0x00 || UTF-8 bytes of
 *     content)) and what an inclusion proof shows an auditor
 * @param previousHash the chain hash recorded for the previous revision (the genesis for seq 1)
 * @param hash the chain hash recorded for this revision
 */
@Experimental(since = "0.1")
public record ChainedRevision(
    long seq, long revisionId, String content, String previousHash, String hash) {
  public ChainedRevision {
    Objects.requireNonNull(content, "content");
  }

  /** The UTF-8 bytes of {@link #content()}: the Merkle leaf's data. */
  public byte[] leafData() {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
