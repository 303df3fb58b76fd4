package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import java.security.PublicKey;

/**
 * Signs checkpoints of the history chain and backup metadata with a key kept outside the
 * database. Implementations MUST be thread-safe. The private key MUST never be written to the
 * store. The engine ships a key-file implementation; a host may supply one backed by an HSM or a
 * KMS.
 */
@Experimental(since = "0.1")
public interface CheckpointSigner {

  /** A short stable id of the key, e.g. the first 16 hex digits of SHA-256 of the public key. */
  String keyId();

  /** The public key, algorithm Ed25519, for verifiers. */
  PublicKey publicKey();

  /** An Ed25519 signature over {@code message}. */
  byte[] sign(byte[] message);
}
