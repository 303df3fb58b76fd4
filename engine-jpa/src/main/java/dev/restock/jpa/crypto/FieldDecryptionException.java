package dev.restock.jpa.crypto;

import dev.restock.api.stability.Experimental;

/**
 * An encrypted value that cannot be read: its ciphertext or commitment was altered (AES-GCM
 * authentication failed), or the data key it names is missing although its subject was never
 * erased. The message names the table, column and row.
 */
@Experimental(since = "0.3")
public final class FieldDecryptionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public FieldDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
