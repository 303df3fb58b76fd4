package dev.restock.api.error;

import dev.restock.api.stability.Stable;
import java.util.Objects;

/**
 * One broken rule of an input: the field (dotted path such as {@code slots[2].parLevel}) and a
 * human-readable message.
 */
@Stable(since = "0.1")
public record Violation(String field, String message) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
