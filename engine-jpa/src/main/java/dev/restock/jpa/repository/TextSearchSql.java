package dev.restock.jpa.repository;

import dev.restock.api.query.TextQuery;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The native condition of a case-insensitive text search, per database. Column names are
 * constants of the repositories; the searched text is always a bound parameter ({@code :text}).
 */
public enum TextSearchSql {
  /** {@code ~*}: POSIX regular expression, case-insensitive. */
  POSTGRESQL("%s ~* :text"),
  /** {@code regexp_like(..., 'i')}: Java regular expression, case-insensitive. */
  H2("regexp_like(%s, :text, 'i')"),
  /** {@code REGEXP}: the function the store registers on every connection (Java, ignoring case). */
  SQLITE("%s regexp :text");

  private final String regex;

  TextSearchSql(String regex) {
    this.regex = regex;
  }

  /** The condition on alias {@code e}: any of {@code columns} matches. */
  public String condition(TextQuery query, List<String> columns) {
    return columns.stream().map(c -> query.mode() == TextQuery.Mode.REGEX
            ? String.format(Locale.ROOT, regex, "e." + c)
            : "lower(e." + c + ") like :text escape '\\'")
        .collect(Collectors.joining(" or ", "(", ")"));
  }

  /** The value bound to {@code :text}. */
  public static String parameter(TextQuery query) {
    if (query.mode() == TextQuery.Mode.REGEX) {
      return query.text();
    }
    String escaped = query.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
        .replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
