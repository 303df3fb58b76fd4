package dev.restock.api.audit;

import dev.restock.api.stability.Experimental;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A signed tree head: the Merkle root over the first {@code size} chained revisions at a time.
 *
 * @param genesis the chain's genesis ({@link ChainHead#genesis()})
 * @param size number of chained revisions covered
 * @param rootHash hex RFC 9162 Merkle tree hash over their leaves ({@link ChainedRevision#leafData()})
 * @param chainHash the chain hash of revision {@code size} (the genesis when size is 0)
 * @param time when the checkpoint was made
 * @param keyId the signing key's id, or null when unsigned
 * @param signature base64 Ed25519 signature over {@link #signedBytes()}, or null when unsigned
 */
@Experimental(since = "0.1")
public record Checkpoint(
    String genesis, long size, String rootHash, String chainHash, Instant time, @Nullable String keyId,
    @Nullable String signature) {
  public Checkpoint {
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(chainHash, "chainHash");
    Objects.requireNonNull(time, "time");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0");
    }
  }

  /** The exact bytes a signature covers; every field but the key id and the signature. */
  public byte[] signedBytes() {
    return ("restock-checkpoint/v1\n" + genesis + "\n" + size + "\n" + rootHash + "\n" + chainHash
        + "\n" + time + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public boolean signed() {
    return signature != null;
  }

  /** This checkpoint with a signature. */
  public Checkpoint withSignature(String keyId, String signature) {
    return new Checkpoint(genesis, size, rootHash, chainHash, time, keyId, signature);
  }
}
