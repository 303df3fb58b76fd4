package dev.restock.jpa.repository;

import dev.restock.api.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The prefix {@code ENC1.} marks a sealed value in the encrypted columns; a plain value written
 * with it would later be taken for a sealed one (unreadable without keys, chained by a
 * commitment it does not have), so the store refuses it before anything is written.
 */
public final class ReservedPrefix {
  /** The prefix of every sealed value. */
  public static final String SEALED = "ENC1.";

  private ReservedPrefix() {}

  /**
   * Returns {@code value}, or throws a {@link ValidationException} naming {@code field} when it
   * starts with the reserved prefix.
   */
  public static @Nullable String refuse(String field, @Nullable String value) {
    if (value != null && value.startsWith(SEALED)) {
      throw ValidationException.of(field, "may not start with \"" + SEALED + "\": the prefix is "
          + "reserved for values encrypted at rest");
    }
    return value;
  }
}
