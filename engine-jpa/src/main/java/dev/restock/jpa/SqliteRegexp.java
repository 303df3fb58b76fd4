package dev.restock.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite has the {@code REGEXP} operator but no function behind it (seed {@code 004_*}); this
 * data source registers one on every connection it opens: Java regular expressions, case
 * insensitive, found anywhere in the value, like H2's {@code regexp_like(.., 'i')} and
 * PostgreSQL's {@code ~*}. A NULL value never matches.
 */
final class SqliteRegexp extends SQLiteDataSource {
  private static final long serialVersionUID = 1L;

  SqliteRegexp(SQLiteConfig config) {
    super(config);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(null, null);
  }

  @Override
  public org.sqlite.SQLiteConnection getConnection(String username, String password)
      throws SQLException {
    org.sqlite.SQLiteConnection connection = super.getConnection(username, password);
    Function.create(connection, "REGEXP", new Regexp());
    return connection;
  }

  /** {@code X REGEXP Y} calls {@code regexp(Y, X)}: pattern first, then the value. */
  private static final class Regexp extends Function {
    private final Map<String, Pattern> compiled = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
        return size() > 64;
      }
    };

    @Override
    protected void xFunc() throws SQLException {
      if (args() != 2) {
        throw new SQLException("REGEXP takes a pattern and a value, got " + args()
            + " argument(s)");
      }
      String pattern = value_text(0);
      String value = value_text(1);
      if (pattern == null || value == null) {
        result(0);
        return;
      }
      Pattern p = compiled.computeIfAbsent(pattern,
          k -> Pattern.compile(k, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      result(p.matcher(value).find() ? 1 : 0);
    }
  }
}
