package dev.restock.web.console;

import dev.restock.api.error.ValidationException;
import java.util.UUID;

/** Reading the operations forms' fields, refusing bad input as the engine's validation error. */
final class OpsForms {
  private OpsForms() {}

  /**
   * The id typed or chosen in {@code field}.
   *
   * @throws ValidationException naming {@code field} when it is missing or not an id
   */
  static UUID id(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "is required");
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "is not an id (was " + value.strip() + ")");
    }
  }

  /**
   * The whole number typed in {@code field}.
   *
   * @throws ValidationException naming {@code field} when it is missing or not a whole number
   */
  static int units(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(field, "is required");
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(field, "must be a whole number (was " + value.strip() + ")");
    }
  }

  /**
   * The optional reason (or notes) typed in {@code field}: stripped, null when blank.
   *
   * @throws ValidationException naming {@code field} when it is longer than
   *     {@value OpsAccess#REASON_MAX} characters (the audit trail's reason column)
   */
  static String reason(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String reason = value.strip();
    if (reason.length() > OpsAccess.REASON_MAX) {
      throw ValidationException.of(field, "must be at most " + OpsAccess.REASON_MAX
          + " characters (was " + reason.length() + ")");
    }
    return reason;
  }
}
