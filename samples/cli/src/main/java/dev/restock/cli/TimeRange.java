package dev.restock.cli;

import dev.restock.api.validation.Checks;
import dev.restock.api.query.Criteria;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The {@code --since} / {@code --until} options of the list commands, as one time range. */
final class TimeRange {
  @Option(names = "--since", paramLabel = "INSTANT",
      description = "At or after, e.g. 2026-12-01T00:00:00Z.") Instant since;
  @Option(names = "--until", paramLabel = "INSTANT", description = "Before.") Instant until;

  /**
   * {@code criteria} with {@code since <= field < until}, for the bounds given.
   *
   * @throws dev.restock.api.error.ValidationException naming {@code --since} or {@code --until}
   *     when it lies outside the years the database holds
   */
  Criteria within(Criteria criteria, String field) {
    Checks checks = new Checks();
    if (since != null) {
      checks.instant(since, "--since");
    }
    if (until != null) {
      checks.instant(until, "--until");
    }
    checks.throwIfAny();
    Criteria result = criteria;
    if (since != null) {
      result = result.and(field, Criteria.Operator.GE, since);
    }
    if (until != null) {
      result = result.and(field, Criteria.Operator.LT, until);
    }
    return result;
  }
}
