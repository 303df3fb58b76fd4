package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying history against its checkpoints, signatures, anchors and (on
 * request) the live tables.
 *
 * @param chain the store's own walk of the hash chain
 * @param head the chain head the verification read
 * @param checkpoints stored checkpoints whose Merkle root was recomputed and compared
 * @param signatures checkpoint signatures (stored and anchored) found valid
 * @param anchors anchored checkpoints the chain was compared with
 * @param breaks every problem found, each a sentence naming what is wrong; empty when intact
 * @param limits what this verification could not prove, given what it was given (no key, no
 *     anchors, revisions newer than the newest signed checkpoint)
 * @param drift live rows that disagree with their audited state (only when asked for)
 */
@Experimental(since = "0.1")
public record IntegrityReport(ChainVerification chain, ChainHead head, long checkpoints,
    long signatures, long anchors, List<String> breaks, List<String> limits,
    List<LiveDrift> drift) {
  public IntegrityReport {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(head, "head");
    breaks = List.copyOf(breaks);
    limits = List.copyOf(limits);
    drift = List.copyOf(drift);
  }

  /** Nothing broken: the chain, every checkpoint, signature and anchor hold, and no drift. */
  public boolean intact() {
    return chain.intact() && breaks.isEmpty() && drift.isEmpty();
  }
}
