package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.Optional;

/**
 * The outcome of walking the hash chain of history revisions.
 *
 * @param checked revisions whose hash was recomputed
 * @param unchained revisions written before the chain existed (schema version 2 or older), not
 *     checked
 * @param firstBroken the first revision in chain order whose data, audited rows or audit events
 *     no longer match its hash, or whose predecessor is missing; empty when the chain is intact
 * @param problem what is wrong with {@code firstBroken}, empty when intact
 */
@Experimental
public record ChainVerification(
    long checked, long unchained, Optional<Long> firstBroken, Optional<String> problem) {

  public boolean intact() {
    return firstBroken.isEmpty();
  }
}
