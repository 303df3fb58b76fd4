package dev.restock.plugin.importdex;

import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.SelectionCounter;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One transaction set (ST..SE) of a DEX file becoming one {@link MachineRead}. Money is kept in
 * the file's minor units until the end, since ID4 (the decimal point position) may come after
 * the first amounts.
 */
final class DexReadBuilder {
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final int DEFAULT_DECIMALS = 2;
  private static final int MAX_DECIMALS = 4;

  private record Selection(int line, String code, Long price, Long vends, Long value) {}

  private final Problems problems;
  private final ZoneId zone;
  private final int startLine;
  private final String communicationId;
  private final Map<String, Integer> seen = new HashMap<>();
  private final List<Selection> selections = new ArrayList<>();
  private final Map<String, Integer> codes = new HashMap<>();
  private Selection open; // a PA1 waiting for its PA2
  private boolean duplicate; // the open PA1 repeats a selection: its PA2 is read, not kept
  private int decimals = DEFAULT_DECIMALS;
  private int id1Line;
  private String serial;
  private Instant eaReadAt;
  private Instant id5ReadAt;
  private Long cashSales;
  private Long cashVends;
  private Long cashIn;
  private Long cashOut;
  private Long tubes;
  private Long cashlessSales;
  private Long cashlessVends;
  private Long totalSales;
  private Long totalVends;

  DexReadBuilder(Problems problems, ZoneId zone, int startLine, String communicationId) {
    this.problems = problems;
    this.zone = zone;
    this.startLine = startLine;
    this.communicationId = communicationId;
  }

  void accept(DexSegment s) {
    switch (s.tag()) {
      case "ID1" -> {
        if (once(s)) {
          id1Line = s.line();
          serial = s.element(1).strip();
        }
      }
      case "ID4" -> {
        if (once(s)) {
          Long d = number(s, 1, false);
          if (d != null && d > MAX_DECIMALS) {
            problems.at(s.line(), "ID401 decimal point position " + d
                + " is impossible: 0 to " + MAX_DECIMALS + " places");
          } else if (d != null) {
            decimals = d.intValue();
          }
        }
      }
      case "ID5" -> {
        if (once(s)) {
          id5ReadAt = dateTime(s, 1, 2);
        }
      }
      case "PA1" -> pa1(s);
      case "PA2" -> pa2(s);
      case "VA1" -> {
        if (once(s)) {
          totalSales = number(s, 1, false);
          totalVends = number(s, 2, false);
          numbers(s, 3);
        }
      }
      case "VA2", "VA3" -> {
        // test and free vends: read for their integrity, MachineRead has no place for them
        if (once(s)) {
          numbers(s, 1);
        }
      }
      case "CA2" -> {
        if (once(s)) {
          cashSales = number(s, 1, false);
          cashVends = number(s, 2, false);
          numbers(s, 3);
        }
      }
      case "CA3" -> {
        if (once(s)) {
          numbers(s, 1);
          // CA305: cash in since initialisation; CA301..CA304 count since the last reset
          cashIn = number(s, 5, false);
        }
      }
      case "CA4" -> {
        if (once(s)) {
          numbers(s, 1);
          Long change = number(s, 3, false);
          Long manual = number(s, 4, false);
          cashOut = change == null && manual == null ? null
              : (change == null ? 0 : change) + (manual == null ? 0 : manual);
        }
      }
      case "CA15" -> {
        if (once(s)) {
          tubes = number(s, 1, false);
        }
      }
      case "DA2" -> {
        if (once(s)) {
          cashlessSales = number(s, 1, false);
          cashlessVends = number(s, 2, false);
          numbers(s, 3);
        }
      }
      case "EA3" -> {
        if (once(s)) {
          eaReadAt = dateTime(s, 2, 3);
        }
      }
      default -> {
        // other segments (events, coin tubes per value, bills, diagnostics) carry nothing a
        // machine read keeps
      }
    }
  }

  /** The read, or null when the set had a problem (already reported). */
  MachineRead finish(int seLine, int problemsBefore) {
    closeOpen();
    if (id1Line == 0) {
      problems.at(startLine, "the read has no ID1 segment (machine identification): "
          + "whose counters these are is unknown");
    }
    String machine = serial == null ? null : serialOrFallback(serial);
    if (id1Line != 0 && machine == null) {
      problems.at(id1Line, "ID101 machine serial number is empty or a placeholder ('" + serial
          + "') and the DXS header gives no communication id (DXS01) to use instead");
    }
    if (problems.count() > problemsBefore || machine == null) {
      return null;
    }
    List<SelectionCounter> counters = new ArrayList<>();
    for (Selection p : selections) {
      counters.add(new SelectionCounter(p.code(), money(p.price()), p.vends(), money(p.value()),
          p.line()));
    }
    CashCounters cash = new CashCounters(money(cashSales), cashVends, money(cashIn),
        money(cashOut), money(tubes), money(cashlessSales), cashlessVends, money(totalSales),
        totalVends);
    boolean none = cashSales == null && cashVends == null && cashIn == null && cashOut == null
        && tubes == null && cashlessSales == null && cashlessVends == null && totalSales == null
        && totalVends == null;
    return new MachineRead(machine, eaReadAt != null ? eaReadAt : id5ReadAt, counters,
        none ? CashCounters.NONE : cash, startLine);
  }

  /**
   * ID101, unless it is blank or a placeholder (it has digits and all of them are 0, such as
   * {@code 0000000000} or {@code RHV0000000000}): then the DXS01 communication id.
   */
  private String serialOrFallback(String id101) {
    if (!isPlaceholder(id101)) {
      return id101;
    }
    return communicationId == null || isPlaceholder(communicationId) ? null : communicationId;
  }

  static boolean isPlaceholder(String id) {
    String s = id.strip();
    if (s.isEmpty()) {
      return true;
    }
    boolean digit = false;
    for (char c : s.toCharArray()) {
      if (Character.isDigit(c)) {
        if (c != '0') {
          return false;
        }
        digit = true;
      }
    }
    return digit;
  }

  private void pa1(DexSegment s) {
    closeOpen();
    String code = s.element(1).strip();
    if (code.isEmpty()) {
      problems.at(s.line(), "PA101 selection is empty");
      return;
    }
    Integer first = codes.putIfAbsent(code, s.line());
    if (first != null) {
      problems.at(s.line(), "selection " + code + " appears a second time (first PA1 at line "
          + first + ")");
    }
    open = new Selection(s.line(), code, number(s, 2, false), null, null);
    duplicate = first != null;
  }

  private void pa2(DexSegment s) {
    if (open == null) {
      problems.at(s.line(), "PA2 without a PA1 before it: these counters belong to no "
          + "selection");
      return;
    }
    Long vends = number(s, 1, true);
    Long value = number(s, 2, false);
    numbers(s, 3);
    if (vends != null && value != null && vends == 0 && value > 0) {
      problems.at(s.line(), "PA202 value " + value + " with PA201 0 vends is impossible");
    }
    if (vends != null && !duplicate) {
      selections.add(new Selection(open.line(), open.code(), open.price(), vends, value));
    }
    open = null;
  }

  private void closeOpen() {
    if (open != null) {
      problems.at(open.line(), "PA1 of selection " + open.code()
          + " has no PA2 after it: its vend counters are missing");
      open = null;
    }
  }

  private boolean once(DexSegment s) {
    Integer first = seen.putIfAbsent(s.tag(), s.line());
    if (first != null) {
      problems.at(s.line(), "a second " + s.tag() + " segment in the read (first at line "
          + first + ")");
      return false;
    }
    return true;
  }

  /** Checks that every element from {@code from} on is a counter (or empty). */
  private void numbers(DexSegment s, int from) {
    for (int n = from; n < s.elements().size(); n++) {
      number(s, n, false);
    }
  }

  /** Element {@code n} as a counter: a whole number of 0 or more; null when empty. */
  private Long number(DexSegment s, int n, boolean required) {
    String text = s.element(n).strip();
    if (text.isEmpty()) {
      if (required) {
        problems.at(s.line(), s.name(n) + " is missing");
      }
      return null;
    }
    if (text.startsWith("-") && DIGITS.matcher(text.substring(1)).matches()) {
      problems.at(s.line(), s.name(n) + " is " + text + ": a counter cannot be negative");
      return null;
    }
    if (!DIGITS.matcher(text).matches()) {
      problems.at(s.line(), s.name(n) + " '" + DexLexer.abbreviate(text)
          + "' is not a whole number");
      return null;
    }
    if (text.length() > 15) {
      problems.at(s.line(), s.name(n) + " " + DexLexer.abbreviate(text)
          + " is too large for a counter (more than 15 digits)");
      return null;
    }
    return Long.parseLong(text);
  }

  /** A date (YYMMDD or YYYYMMDD) and time (HHMM or HHMMSS; midnight when empty) in the zone. */
  private Instant dateTime(DexSegment s, int dateAt, int timeAt) {
    String date = s.element(dateAt).strip();
    String time = s.element(timeAt).strip();
    if (date.isEmpty()) {
      return null;
    }
    if (!DIGITS.matcher(date).matches() || (date.length() != 6 && date.length() != 8)) {
      problems.at(s.line(), s.name(dateAt) + " '" + DexLexer.abbreviate(date)
          + "' is not a date (YYMMDD or YYYYMMDD)");
      return null;
    }
    if (!time.isEmpty() && (!DIGITS.matcher(time).matches()
        || (time.length() != 4 && time.length() != 6))) {
      problems.at(s.line(), s.name(timeAt) + " '" + DexLexer.abbreviate(time)
          + "' is not a time (HHMM or HHMMSS)");
      return null;
    }
    try {
      int year = date.length() == 6 ? 2000 + Integer.parseInt(date.substring(0, 2))
          : Integer.parseInt(date.substring(0, 4));
      int rest = date.length() - 4;
      LocalDate day = LocalDate.of(year, Integer.parseInt(date.substring(rest, rest + 2)),
          Integer.parseInt(date.substring(rest + 2)));
      LocalTime clock = time.isEmpty() ? LocalTime.MIDNIGHT
          : LocalTime.of(Integer.parseInt(time.substring(0, 2)),
              Integer.parseInt(time.substring(2, 4)),
              time.length() == 6 ? Integer.parseInt(time.substring(4)) : 0);
      return LocalDateTime.of(day, clock).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      problems.at(s.line(), s.name(dateAt) + "/" + s.name(timeAt) + " " + date + " " + time
          + " is not a valid date and time: " + e.getMessage());
      return null;
    }
  }

  private BigDecimal money(Long minorUnits) {
    return minorUnits == null ? null : BigDecimal.valueOf(minorUnits, decimals);
  }
}
