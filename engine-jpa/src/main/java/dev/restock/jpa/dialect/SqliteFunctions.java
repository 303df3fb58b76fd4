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
    register(connection);
    return connection;
  }

  private static void register(org.sqlite.SQLiteConnection connection) throws SQLException {
    Function.create(connection, "REGEXP", new Regexp());
    Function.create(connection, "lower", new Lower(), 1, Function.FLAG_DETERMINISTIC);
  }

  /** Driver connections of a host's pool that already have the functions. */
  private static final Map<org.sqlite.SQLiteConnection, Boolean> REGISTERED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Adds the functions to {@code c}'s driver connection unless it has them already: for
   * connections of a host's pool, which the engine did not open. Note that this gives the host's
   * own SQL on those connections the same Unicode {@code lower}.
   */
  public static Connection addTo(Connection c) throws SQLException {
    if (c.isWrapperFor(org.sqlite.SQLiteConnection.class)) {
      org.sqlite.SQLiteConnection driver = c.unwrap(org.sqlite.SQLiteConnection.class);
      if (REGISTERED.putIfAbsent(driver, Boolean.TRUE) == null) {
        register(driver);
      }
    }
    return c;
  }

  /** {@code host} with the functions added to every connection it hands out. */
  public static javax.sql.DataSource onEveryConnection(javax.sql.DataSource host) {
    return new Registering(host);
  }

  /** The host's transactions with the functions added to their connections. */
  public static dev.restock.jpa.tx.HostTransactions onEveryConnection(
      dev.restock.jpa.tx.HostTransactions host) {
    if (host == dev.restock.jpa.tx.HostTransactions.NONE) {
      return host;
    }
    return () -> host.current().map(RegisteringTransaction::new);
  }

  private record RegisteringTransaction(dev.restock.jpa.tx.HostTransaction host)
      implements dev.restock.jpa.tx.HostTransaction {
    @Override
    public Connection connection() {
      try {
        return addTo(host.connection());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot add Restock's SQL functions to the host "
            + "transaction's connection: " + e.getMessage(), e);
      }
    }

    @Override
    public boolean readOnly() {
      return host.readOnly();
    }

    @Override
    public void setRollbackOnly() {
      host.setRollbackOnly();
    }

    @Override
    public <P extends Participant> P participant(Object key, java.util.function.Supplier<P> join) {
      return host.participant(key, join);
    }
  }

  /** A host's pool whose connections get the functions as the engine takes them. */
  private record Registering(javax.sql.DataSource host) implements javax.sql.DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return added(host.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return added(host.getConnection(username, password));
    }

    private static Connection added(Connection c) throws SQLException {
      try {
        return addTo(c);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }

    @Override
    public java.io.PrintWriter getLogWriter() throws SQLException {
      return host.getLogWriter();
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) throws SQLException {
      host.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      host.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return host.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger()
        throws java.sql.SQLFeatureNotSupportedException {
      return host.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return iface.isInstance(host) ? iface.cast(host) : host.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return iface.isInstance(host) || host.isWrapperFor(iface);
    }

    @Override
    public String toString() {
      return host.toString();
    }
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
