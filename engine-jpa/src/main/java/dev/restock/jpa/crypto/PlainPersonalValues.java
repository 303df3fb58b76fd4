package dev.restock.jpa.crypto;

import dev.restock.api.stability.Internal;

/**
 * An entity whose personal fields may still hold plain values written before the store had keys
 * ({@code dev.restock.jpa.bootstrap.SealExisting}).
 */
@Internal(since = "0.3")
public interface PlainPersonalValues {
  /**
   * Seals every personal field of this entity that is plain (and fills its equality index), so
   * that the next flush writes them and Envers records the sealed values.
   *
   * @param crypto a {@link FieldCrypto} with keys; called inside a write unit of work
   * @return how many values were sealed
   */
  int sealPlain(FieldCrypto crypto);
}
