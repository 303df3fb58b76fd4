package dev.restock.jpa.crypto;

import dev.restock.api.stability.Experimental;

/**
 * Erasure asked of a JPA store opened without keys: its personal fields are plain in history
 * rows and backups, which erasure cannot rewrite without breaking the hash chain. Nothing is
 * written.
 */
@Experimental(since = "0.3")
public final class ErasureNotSupportedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ErasureNotSupportedException(String message) {
    super(message);
  }
}
