package dev.restock.cli;

import dev.restock.api.validation.Checks;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The tool's one syntax for a point in time ({@code --since}, {@code --until}, {@code as-of}
 * TIME, and any other option that takes one):
 * <ul>
 *   <li>an age: {@code 30m}, {@code 12h} or {@code 7d} (minutes, hours, days before now);
 *   <li>a date: {@code 2026-12-01}, the start of that day in UTC;
 *   <li>an ISO instant: {@code 2026-12-01T08:30:00Z} or with an offset,
 *       {@code 2026-12-01T09:30:00+01:00}.
 * </ul>
 * Only years 1 to 9999 are accepted, since the databases hold no others. Use it as
 * {@code @Option(names = "--since", converter = PointInTime.class)} on an {@link Instant}
 * (picocli then reports a bad value as a parse error), or call {@link #parse} when the command
 * runs, as {@link TimeRange} does, to report it as {@code error: OPTION: message}.
 */
final class PointInTime implements CommandLine.ITypeConverter<Instant> {
  /** What every error message lists. */
  static final String FORMS = "an age (30m, 12h, 7d), a date (2026-12-01, midnight UTC) or an "
      + "ISO instant (2026-12-01T08:30:00Z)";

  private static final Pattern AGE = Pattern.compile("(\\d{1,9})([mhd])");

  /** What ages count back from. */
  private static final Clock CLOCK = Clock.systemUTC();

  @Override
  public Instant convert(String text) {
    try {
      return parse(text, CLOCK.instant());
    } catch (IllegalArgumentException e) {
      // picocli prefixes this with the option's name: Invalid value for option '--since': ...
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  /**
   * {@code text} in the tool's time syntax.
   *
   * @param now what an age counts back from
   * @throws IllegalArgumentException saying which forms are accepted
   */
  static Instant parse(String text, Instant now) {
    String value = text == null ? "" : text.strip();
    Instant at = at(value, now);
    if (at == null) {
      throw new IllegalArgumentException("must be " + FORMS + " (was '" + text + "')");
    }
    if (!new Checks().instant(at, "time").ok()) {
      throw new IllegalArgumentException("must lie between years 1 and 9999 (was '" + text
          + "')");
    }
    return at;
  }

  private static Instant at(String value, Instant now) {
    Matcher age = AGE.matcher(value);
    try {
      if (age.matches()) {
        long amount = Long.parseLong(age.group(1));
        Duration back = switch (age.group(2)) {
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
        return now.minus(back);
      }
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    } catch (DateTimeException | ArithmeticException e) {
      // an age or instant beyond what java.time holds
      throw new IllegalArgumentException("must lie between years 1 and 9999 (was '" + value
          + "')");
    }
  }
}
