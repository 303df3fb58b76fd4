package dev.restock.web.api;

import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds engine commands out of request parts, collecting the validation errors of every part
 * (each field prefixed with where the part sits in the request, e.g. {@code cabinets[1].rows})
 * so that one 422 names every broken rule at once.
 */
final class Commands {
  private final List<Violation> violations = new ArrayList<>();

  /**
   * Builds one part; on a validation error, records its violations under {@code prefix} and
   * returns null.
   */
  <T> T part(String prefix, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      for (Violation v : e.violations()) {
        violations.add(new Violation(prefix.isEmpty() ? v.field() : prefix + "." + v.field(),
            v.message()));
      }
      return null;
    }
  }

  /** Records a violation of the request itself. */
  Commands add(String field, String message) {
    violations.add(new Violation(field, message));
    return this;
  }

  /** Throws every violation recorded so far, if any. */
  void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }
}
