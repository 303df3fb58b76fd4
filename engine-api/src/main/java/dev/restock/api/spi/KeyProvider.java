package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The master keys that protect personal data at rest. A store that encrypts fields (the JPA
 * store, given one) wraps a random data key per subject (a user, or the store itself) under the
 * {@linkplain #currentKeyId() current} master key, and encrypts each personal field with
 * AES-GCM under its subject's data key. Destroying a subject's data key makes every copy of its
 * fields unreadable (crypto-shredding); rotating to a new master key re-encrypts under it.
 *
 * <p>Master keys MUST never be written to the store; the engine only records their ids.
 * Implementations MUST be thread-safe and SHOULD keep old keys available until a rotation away
 * from them has finished. The JPA adapter ships a key-file and an environment implementation; a
 * host may supply one backed by a KMS or an HSM.
 */
@Experimental(since = "0.3")
public interface KeyProvider {

  /**
   * The id of the master key new data keys are wrapped under: short, stable, made of letters,
   * digits, {@code -} and {@code _} (at most 32 characters), e.g. {@code 2026-12}.
   */
  String currentKeyId();

  /**
   * The 256-bit AES master key with this id, or empty when this provider does not hold it (a
   * value wrapped under it then cannot be read, and the store says which key is missing).
   */
  Optional<SecretKey> key(String keyId);

  /**
   * The key of the equality index: an HMAC-SHA256 key under which personal fields that are
   * searched by equality (a user's email) are indexed. It is not rotated with the master keys;
   * changing it needs the index rebuilt.
   */
  SecretKey indexKey();
}
