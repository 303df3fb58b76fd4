package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.Objects;

/**
 * The head of a store's history chain.
 *
 * @param genesis the chain's recorded genesis: a random 64-hex value drawn once when the chain
 *     was started, so that two stores (or a store and its forged copy) never share a chain; it is
 *     also the {@code previousHash} of the first chained revision
 * @param genesisAfterRevision the id of the last revision written before the chain existed (0
 *     when every revision is chained); every revision with a larger id must be chained, and one
 *     without chain fields is a break
 * @param size the number of chained revisions (the sequence of the newest one; 0 when empty)
 * @param hash the newest revision's chain hash, or {@code genesis} when {@code size} is 0
 */
@Experimental(since = "0.1")
public record ChainHead(String genesis, long genesisAfterRevision, long size, String hash) {
  public ChainHead {
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(hash, "hash");
    if (size < 0 || genesisAfterRevision < 0) {
      throw new IllegalArgumentException("size and genesisAfterRevision must be >= 0");
    }
  }
}
