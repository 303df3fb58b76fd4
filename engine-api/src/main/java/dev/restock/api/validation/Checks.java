package dev.restock.api.validation;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;
import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects every broken rule of an input, then throws one {@link ValidationException} naming them
 * all. Commands use it in their constructors so that an invalid command cannot exist.
 *
 * <p>Not thread-safe; create one per validation.
 */
@Stable(since = "0.1")
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
  public Checks notNull(@Nullable Object value, String field) {
    return check(value != null, field, "is required");
  }

  /**
   * Requires every element of a list to be present: records {@code field[i]: is required} for
   * each null element, so a command names the missing element instead of failing with a {@link
   * NullPointerException} when it copies the list ({@link List#copyOf} refuses nulls). Check a
   * mutable copy (one that keeps nulls, such as an {@link ArrayList}) and keep {@code
   * List.copyOf} of it once no violation is left. A null list records nothing: whether the list
   * itself is required is the caller's rule.
   */
  @Experimental(since = "0.2")
  public Checks noNullElements(@Nullable List<?> values, String field) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        notNull(values.get(i), field + "[" + i + "]");
      }
    }
    return this;
  }

  /**
   * Largest number of digits before the decimal point of a money amount: amounts are stored as
   * {@code numeric(12,2)}, so 10 integer digits and 2 decimals.
   */
  public static final int MONEY_INTEGER_DIGITS = 10;

  /** Largest money amount the stores hold: {@code 9999999999.99}. */
  public static final BigDecimal MONEY_MAX = new BigDecimal("9999999999.99");

  /**
   * Requires non-blank single-line text of at most {@code maxLength} characters: names, reasons,
   * categories. Refuses control characters (line breaks and tabs included), bidirectional
   * overrides, isolates and marks (they reorder what a table shows, so a name could pass for
   * another) and unpaired surrogates (not text; PostgreSQL cannot store them). Letters of every
   * script, and joiners such as U+200D, are allowed.
   */
  public Checks text(@Nullable String value, String field, int maxLength) {
    return text(value, field, maxLength, Characters.SINGLE_LINE);
  }

  /** Optional text: null is fine, otherwise as {@link #text}. */
  public Checks optionalText(@Nullable String value, String field, int maxLength) {
    return value == null ? this : text(value, field, maxLength);
  }

  /**
   * Optional multi-line free text (visit notes, addresses): null is fine, otherwise as {@link
   * #text} except that a line feed {@code \n} is allowed; a carriage return is not, so every
   * stored line break is the same.
   */
  public Checks optionalMultiLineText(@Nullable String value, String field, int maxLength) {
    return value == null ? this : text(value, field, maxLength, Characters.MULTI_LINE);
  }

  /**
   * Requires an identifier a person types and reads back (sku, route code, serial number, email):
   * as {@link #text}, and no invisible formatting character at all (zero-width spaces and joiners,
   * byte-order marks, soft hyphens: Unicode category Cf), so two identifiers that look the same
   * are the same.
   */
  public Checks identifier(@Nullable String value, String field, int maxLength) {
    return text(value, field, maxLength, Characters.IDENTIFIER);
  }

  /** Optional identifier: null is fine, otherwise as {@link #identifier}. */
  public Checks optionalIdentifier(@Nullable String value, String field, int maxLength) {
    return value == null ? this : identifier(value, field, maxLength);
  }

  private Checks text(@Nullable String value, String field, int maxLength, Characters allowed) {
    if (value == null || value.isBlank()) {
      return add(field, "must not be empty");
    }
    check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
    String refused = allowed.refused(value);
    return refused == null ? this : add(field, "must not contain " + refused);
  }

  /** Requires {@code min <= value <= max}. */
  public Checks range(@Nullable Integer value, String field, int min, int max) {
    if (value == null) {
      return add(field, "is required");
    }
    return check(value >= min && value <= max, field,
        "must be between " + min + " and " + max + " (was " + value + ")");
  }

  /**
   * Requires a money amount {@code >= 0} with at most two decimal places and at most {@link
   * #MONEY_INTEGER_DIGITS} digits before the point, so that it fits {@code numeric(12,2)} on every
   * store. The magnitude is checked as well as the scale: {@code 1e400} has no decimals at all.
   */
  public Checks money(@Nullable BigDecimal value, String field) {
    if (value == null) {
      return add(field, "is required");
    }
    check(value.signum() >= 0, field, "must not be negative (was " + shown(value) + ")");
    check(value.stripTrailingZeros().scale() <= 2, field,
        "must have at most 2 decimal places (was " + shown(value) + ")");
    return check(value.precision() - value.scale() <= MONEY_INTEGER_DIGITS, field,
        "must be at most " + MONEY_MAX.toPlainString() + " (was " + shown(value) + ")");
  }

  /** The earliest instant the stores hold and the engine accepts: the start of year 1 (UTC). */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest instant the stores hold and the engine accepts: the end of year 9999 (UTC). */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /**
   * Requires an instant between {@link #EARLIEST} and {@link #LATEST}: SQL timestamps hold no
   * other years, and arithmetic on instants near {@link Instant#MAX} overflows.
   */
  public Checks instant(@Nullable Instant value, String field) {
    if (value == null) {
      return add(field, "is required");
    }
    return check(!value.isBefore(EARLIEST) && !value.isAfter(LATEST), field,
        "must be between years 1 and 9999 (was " + value + ")");
  }

  /** A number for a message: plain unless that would print an unreasonable number of digits. */
  private static String shown(BigDecimal value) {
    return Math.abs((long) value.precision() - value.scale()) > 40 || value.scale() > 40
        ? value.toString() : value.toPlainString();
  }

  /** Adds every violation of another check under a prefix, e.g. {@code cabinets[1].}. */
  public Checks nested(String prefix, List<Violation> nested) {
    nested.forEach(v -> add(prefix + v.field(), v.message()));
    return this;
  }

  /** What a kind of text may not hold; the one place these rules are written. */
  private enum Characters {
    SINGLE_LINE(false, false),
    MULTI_LINE(true, false),
    IDENTIFIER(false, true);

    private final boolean lineFeeds;
    private final boolean invisibleFormatting;

    Characters(boolean lineFeeds, boolean noFormatting) {
      this.lineFeeds = lineFeeds;
      this.invisibleFormatting = !noFormatting;
    }

    /** A description of the first refused character, or null when the text is fine. */
    @Nullable String refused(String value) {
      for (int i = 0; i < value.length(); ) {
        int cp = value.codePointAt(i);
        String why = refused(cp);
        if (why != null) {
          return why + String.format(" (U+%04X at position %d)", cp, i + 1);
        }
        i += Character.charCount(cp);
      }
      return null;
    }

    private @Nullable String refused(int cp) {
      if (cp == '\n' && lineFeeds) {
        return null;
      }
      if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
        return "control characters or line breaks";
      }
      if (Character.isSurrogate((char) cp) && Character.isBmpCodePoint(cp)) {
        return "unpaired surrogate characters";
      }
      if (isBidiControl(cp)) {
        return "bidirectional control characters";
      }
      if (!invisibleFormatting && Character.getType(cp) == Character.FORMAT) {
        return "invisible formatting characters";
      }
      return null;
    }

    private static boolean isBidiControl(int cp) {
      return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
          || (cp >= 0x2066 && cp <= 0x2069);
    }
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
