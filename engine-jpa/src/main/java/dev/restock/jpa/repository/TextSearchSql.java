package dev.restock.jpa.repository;

import dev.restock.api.query.TextQuery;
import dev.restock.jpa.dialect.StoreDialect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The native condition of a case-insensitive text search on one database: a {@code like} on
 * lower-cased text everywhere, a regular expression as the dialect writes it
 * ({@link StoreDialect#regexMatch}). Column names are constants of the repositories; the searched
 * text is always a bound parameter ({@code :text}).
 */
public record TextSearchSql(StoreDialect dialect) {

  /** The condition on alias {@code e}: any of {@code columns} matches. */
  public String condition(TextQuery query, List<String> columns) {
    return columns.stream().map(c -> query.mode() == TextQuery.Mode.REGEX
            ? dialect.regexMatch("e." + c)
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
