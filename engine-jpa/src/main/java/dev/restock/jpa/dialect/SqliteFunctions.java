package dev.restock.jpa.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A data source that registers two Java functions on every SQLite connection it opens, so text
 * search answers as on H2, PostgreSQL and the in-memory store:
 *
 * <ul>
 *   <li>{@code REGEXP}: SQLite has the operator but no function behind it (seed {@code 004_*}).
 *       Java regular expressions, case insensitive, found anywhere in the value, like H2's
 *       {@code regexp_like(.., 'i')} and PostgreSQL's {@code ~*}. A NULL value never matches.
 *   <li>{@code lower(X)}: SQLite's own lowers ASCII letters only, so a case-insensitive search
 *       for "äpfel" missed "Äpfel". Replaced by Java's {@code toLowerCase(Locale.ROOT)}, the
 *       lowering the engine applies to search terms. No index or constraint uses {@code lower}.
 * </ul>
 */
final class SqliteFunctions extends SQLiteDataSource {
  private static final long serialVersionUID = 1L;

  SqliteFunctions(SQLiteConfig config) {
    super(config);
  }

  /**
   * A data source with these functions on {@code url}, typed as the JDBC interface: a caller that
   * holds it so never makes the JVM load sqlite-jdbc's classes to verify its own code, which keeps
   * the driver an optional dependency for stores on other databases.
   */
  static javax.sql.DataSource dataSource(SQLiteConfig config, String url) {
    SqliteFunctions source = new SqliteFunctions(config);
    source.setUrl(url);
    return source;
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
    Function.create(connection, "lower", new Lower(), 1, Function.FLAG_DETERMINISTIC);
    return connection;
  }

  /** {@code lower(X)} for every letter, not only ASCII; NULL stays NULL, other types as text. */
  private static final class Lower extends Function {
    @Override
    protected void xFunc() throws SQLException {
      String value = value_text(0);
      if (value == null) {
        result();
      } else {
        result(value.toLowerCase(Locale.ROOT));
      }
    }
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
