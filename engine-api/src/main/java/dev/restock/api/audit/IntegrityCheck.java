package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * What a full verification of history is given besides the store itself.
 *
 * @param publicKey the checkpoint signer's public key; without it signatures cannot be checked,
 *     and a chain recomputed by someone able to write every table cannot be told from the
 *     original
 * @param anchors checkpoints kept outside the database (e.g. the JSON-lines anchor file); the
 *     store must contain a chain matching each of them
 * @param live whether to compare every live row with its latest audited state as well
 */
@Experimental(since = "0.1")
public record IntegrityCheck(Optional<PublicKey> publicKey, List<Checkpoint> anchors,
    boolean live) {
  public IntegrityCheck {
    publicKey = publicKey == null ? Optional.empty() : publicKey;
    anchors = List.copyOf(anchors);
  }

  /** Only what the store can show by itself: no key, no anchors, no live rows. */
  public static IntegrityCheck internal() {
    return new IntegrityCheck(Optional.empty(), List.of(), false);
  }
}
