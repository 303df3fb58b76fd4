package dev.restock.api.error;

import dev.restock.api.stability.Stable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input broke one or more rules. Carries every violation found, not only the first; nothing
 * was written.
 */
@Stable(since = "0.1")
public class ValidationException extends RestockException {
  private static final long serialVersionUID = 1L;
  private final List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new Violation(field, message)));
  }

  /** Every violated rule, in the order found; never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one violation");
    }
    return "invalid input: "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
