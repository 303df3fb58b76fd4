package dev.restock.jpa.crypto;

import dev.restock.api.stability.Experimental;

/**
 * A key rotation could not run: another one is running in this process, the reason is missing,
 * or the database failed. Nothing already re-encrypted is lost; running the rotation again
 * resumes it.
 */
@Experimental(since = "0.3")
public class KeyRotationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With a message saying what failed and what to do. */
  public KeyRotationException(String message, Throwable cause) {
    super(message, cause);
  }
}
