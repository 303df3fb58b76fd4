package dev.restock.jpa.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text meant for people: database URLs in messages, descriptions, health
 * reports, backup metadata and logs. Every place that shows a URL or a message that may quote one
 * goes through here, so there is one list of what counts as a secret.
 *
 * <p>Masked: the value of any URL property or {@code key=value} setting whose key contains
 * {@code password}, {@code passwd}, {@code pwd}, {@code secret} or {@code token} (in any case,
 * after {@code ?}, {@code &}, {@code ;}, a comma, a space or at the start: the PostgreSQL, H2 and
 * SQL Server styles), and the password of a {@code scheme://user:password@host} authority.
 * The user name and host stay, so the message still says where it tried to connect.
 */
public final class Secrets {
  /** What a masked value reads as; it reveals neither the value nor its length. */
  public static final String MASK = "***";

  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)((?:^|[?&;,\\s(\\[])[\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*\\s*=)"
          // the value ends at a separator, or at a colon that ends the URL in a message
          + "[^&;,\\s)\\]'\"]*?(?=$|[&;,\\s)\\]'\"]|:(?:\\s|$))");
  /** The password of {@code //user:password@host}, up to the authority's last {@code @}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s?#]*:)[^/\\s?#]*@");

  /** A {@code password} URL property: its separator and its value. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;])password=([^&;]*)");

  private Secrets() {}

  /**
   * A URL with its {@code password} property taken out, and that password (null when the URL
   * has none).
   *
   * @param url the URL without the password property
   * @param password the password it held, URL-decoded for query-style ({@code ?}/{@code &})
   *     properties
   */
  public record UrlPassword(String url, String password) {
    @Override
    public String toString() {
      return "UrlPassword[" + url + (password == null ? "" : ", password " + MASK) + "]";
    }
  }

  /**
   * Takes the password out of a JDBC URL, so it can be given to the driver as a property instead:
   * drivers report their URL as they got it (DatabaseMetaData), and Hibernate logs that URL at
   * start-up.
   */
  public static UrlPassword splitPassword(String url) {
    Matcher m = URL_PASSWORD.matcher(url);
    if (!m.find()) {
      return new UrlPassword(url, null);
    }
    String separator = m.group(1);
    String value = separator.equals(";") ? m.group(2)
        : URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    String before = url.substring(0, m.start());
    String after = url.substring(m.end());
    String rest = !separator.equals("?") ? before + after
        : after.isEmpty() ? before : before + "?" + after.substring(1);
    return new UrlPassword(rest, value);
  }

  /** {@code text} with every credential it holds replaced by {@value #MASK}; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = KEY_VALUE.matcher(text).replaceAll("$1" + MASK);
    return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
  }

  /**
   * {@code failure} itself when no message in its cause chain holds a credential; otherwise a
   * copy of the chain whose messages are masked, each link keeping its original stack trace and
   * naming the original exception type. For the causes of exceptions that leave the store: a host
   * that logs the whole chain must not print the password either.
   */
  public static Throwable scrub(Throwable failure) {
    return failure == null || !holdsSecret(failure) ? failure : copy(failure);
  }

  private static boolean holdsSecret(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(mask(message))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable copy(Throwable t) {
    Throwable cause = t.getCause() == null || t.getCause() == t ? null : copy(t.getCause());
    Throwable copy = new MaskedException(t.getClass().getName(), mask(t.getMessage()), cause);
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** A failure whose message was masked; {@link #toString} names the original type. */
  static final class MaskedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalType;

    MaskedException(String originalType, String message, Throwable cause) {
      super(message, cause);
      this.originalType = originalType;
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return originalType + (message == null ? "" : ": " + message);
    }
  }
}
