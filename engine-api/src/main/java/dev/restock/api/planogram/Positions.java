package dev.restock.api.planogram;

import dev.restock.api.stability.Stable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slot position codes: a row letter A..T followed by a column number 1..20, e.g. {@code C7}. */
@Stable(since = "0.1")
public final class Positions {
  private static final Pattern CODE = Pattern.compile("([A-T])([1-9]|1[0-9]|20)");

  private Positions() {}

  public static boolean valid(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** One-based row of a valid code ({@code A} is 1). */
  public static int row(String code) {
    return matcher(code).group(1).charAt(0) - 'A' + 1;
  }

  /** One-based column of a valid code. */
  public static int column(String code) {
    return Integer.parseInt(matcher(code).group(2));
  }

  /** Whether a valid code lies inside a grid of {@code rows} × {@code columns}. */
  public static boolean inside(String code, int rows, int columns) {
    return row(code) <= rows && column(code) <= columns;
  }

  private static Matcher matcher(String code) {
    Matcher m = CODE.matcher(code);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a slot position: " + code);
    }
    return m;
  }
}
