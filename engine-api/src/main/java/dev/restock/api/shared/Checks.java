package dev.restock.api.shared;

import dev.restock.api.stability.Stable;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of an input, then throws one {@link ValidationException} naming them
 * all. Commands use it in their constructors so that an invalid command cannot exist.
 *
 * <p>Not thread-safe; create one per validation.
 */
@Stable
public final class Checks {
  private final List<Violation> violations = new ArrayList<>();

  /** Records a violation unconditionally. */
  public Checks add(String field, String message) {
    violations.add(new Violation(field, message));
    return this;
  }

  /** Records a violation when {@code ok} is false. */
  public Checks check(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  /** Requires a non-null value. */
  public Checks notNull(Object value, String field) {
    return check(value != null, field, "is required");
  }

  /** Requires non-blank text of at most {@code maxLength} characters. */
  public Checks text(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      return add(field, "must not be empty");
    }
    return check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
  }

  /** Optional text: null is fine, otherwise at most {@code maxLength} characters. */
  public Checks optionalText(String value, String field, int maxLength) {
    return value == null ? this : text(value, field, maxLength);
  }

  /** Requires {@code min <= value <= max}. */
  public Checks range(Integer value, String field, int min, int max) {
    if (value == null) {
      return add(field, "is required");
    }
    return check(value >= min && value <= max, field,
        "must be between " + min + " and " + max + " (was " + value + ")");
  }

  /** Requires a money amount {@code >= 0} with at most two decimal places. */
  public Checks money(BigDecimal value, String field) {
    if (value == null) {
      return add(field, "is required");
    }
    check(value.signum() >= 0, field, "must not be negative (was " + value.toPlainString() + ")");
    return check(value.stripTrailingZeros().scale() <= 2, field,
        "must have at most 2 decimal places (was " + value.toPlainString() + ")");
  }

  /** Adds every violation of another check under a prefix, e.g. {@code cabinets[1].}. */
  public Checks nested(String prefix, List<Violation> nested) {
    nested.forEach(v -> add(prefix + v.field(), v.message()));
    return this;
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Throws a {@link ValidationException} with every recorded violation, if there is any. */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
