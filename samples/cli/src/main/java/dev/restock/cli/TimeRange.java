package dev.restock.cli;

import dev.restock.api.query.Criteria;
import dev.restock.api.validation.Checks;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The {@code --since} / {@code --until} options of the list commands, as one time range, in the
 * tool's one time syntax ({@link PointInTime}). Read when the command runs, so that a bad value
 * is reported like any other bad input: {@code error: --since: must be ...}, exit 2.
 */
final class TimeRange {
  @Option(names = "--since", paramLabel = "TIME",
      description = "At or after: an age (30m, 12h, 7d), a date (2026-12-01, midnight UTC) or "
          + "an ISO instant (2026-12-01T08:30:00Z).")
  String since;

  @Option(names = "--until", paramLabel = "TIME",
      description = "Before: an age (30m, 12h, 7d), a date (2026-12-01, midnight UTC) or an "
          + "ISO instant.")
  String until;

  /** Whether either bound was given. */
  boolean given() {
    return since != null || until != null;
  }

  /**
   * The bounds given ({@code null} for one not given).
   *
   * @throws dev.restock.api.error.ValidationException naming {@code --since} and/or
   *     {@code --until} with the accepted forms
   */
  Instant[] bounds() {
    Instant now = Instant.now();
    Checks checks = new Checks();
    Instant from = at(since, "--since", now, checks);
    Instant to = at(until, "--until", now, checks);
    checks.throwIfAny();
    return new Instant[] {from, to};
  }

  private static Instant at(String text, String option, Instant now, Checks checks) {
    if (text == null) {
      return null;
    }
    try {
      return PointInTime.parse(text, now);
    } catch (IllegalArgumentException e) {
      checks.check(false, option, e.getMessage());
      return null;
    }
  }

  /** {@code criteria} with {@code since <= field < until}, for the bounds given. */
  Criteria within(Criteria criteria, String field) {
    Instant[] bounds = bounds();
    Criteria result = criteria;
    if (bounds[0] != null) {
      result = result.and(field, Criteria.Operator.GE, bounds[0]);
    }
    if (bounds[1] != null) {
      result = result.and(field, Criteria.Operator.LT, bounds[1]);
    }
    return result;
  }
}
