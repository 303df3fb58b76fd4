package dev.restock.api.query;

import dev.restock.api.validation.Checks;

import dev.restock.api.stability.Experimental;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text search over an aggregate's names and keys (a product's sku and name, a device's name and
 * serial number, a user's username, a location's name, ...), case-insensitive, the same on every
 * database. Personal data ({@link SearchFields#personal()}: a user's email, a location's address)
 * is never matched by text, on any store: it may be encrypted at rest; find it by an exact
 * {@link Criteria} match instead.
 *
 * <p>{@link Mode#REGEX} patterns must stay within the subset the three databases read alike:
 * literals, {@code .}, bracket classes such as {@code [a-z0-9]}, the quantifiers {@code * + ?
 * {m,n}}, anchors {@code ^ $}, alternation {@code |} and groups {@code ( )}. Patterns are checked
 * when the query is built.
 *
 * @param text what to look for (1..200 characters)
 * @param mode contains (the default) or regular expression
 */
@Experimental(since = "0.1")
public record TextQuery(String text, Mode mode) {
  /** How {@code text} matches. */
  public enum Mode {
    /** The field contains {@code text}, ignoring case. */
    CONTAINS,
    /** The field matches the regular expression {@code text} somewhere, ignoring case. */
    REGEX
  }

  /** Constructs that mean different things on PostgreSQL, H2 and SQLite, or are not portable. */
  private static final Pattern NOT_PORTABLE =
      Pattern.compile("\\\\[a-zA-Z]|\\(\\?|\\[\\[:|\\*\\?|\\+\\?|\\?\\?|\\}\\?|\\*\\+|\\+\\+");

  public TextQuery {
    Checks checks = new Checks().text(text, "text", 200).notNull(mode, "mode");
    if (text != null && mode == Mode.REGEX) {
      try {
        Pattern.compile(text);
        checks.check(!NOT_PORTABLE.matcher(text).find(), "text", "uses a regular-expression "
            + "construct that differs between databases (escapes like \\d, flags, lazy or "
            + "possessive quantifiers, POSIX classes); use bracket classes such as [0-9]");
      } catch (PatternSyntaxException e) {
        checks.add("text", "is not a valid regular expression: " + e.getDescription());
      }
    }
    checks.throwIfAny();
  }

  public static TextQuery contains(String text) {
    return new TextQuery(text, Mode.CONTAINS);
  }

  public static TextQuery regex(String pattern) {
    return new TextQuery(pattern, Mode.REGEX);
  }

  @Override
  public String toString() {
    return mode + " " + Objects.toString(text);
  }
}
