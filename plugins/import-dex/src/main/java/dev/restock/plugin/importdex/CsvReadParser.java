package dev.restock.plugin.importdex;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.reads.SelectionCounter;
import dev.restock.api.spi.ReadParser;
import dev.restock.api.stability.Experimental;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code csv} format: the counters of machines read by telemetry, one row per selection.
 * UTF-8, comma-separated, quoted as RFC 4180; the first row names the columns, in any order:
 *
 * <ul>
 *   <li>required: {@code serial} (the machine's serial number), {@code read_at} (an ISO instant
 *       {@code 2026-12-01T08:30:00Z}, an offset date-time, or a local date-time read in the
 *       machines' zone), {@code selection} (the selection code), {@code price}, {@code vends}
 *       (paid vends since initialisation, a whole number) and {@code value} (their value);
 *   <li>optional, the money counters of the read, since initialisation: {@code cash_sales},
 *       {@code cash_vends}, {@code cash_in}, {@code cash_out}, {@code tube_contents}, {@code
 *       cashless_sales}, {@code cashless_vends}, {@code total_sales}, {@code total_vends}.
 * </ul>
 *
 * <p>Amounts are decimals in major units ({@code 1.50}), at most 12 digits before the point and
 * 4 after; {@code price}, {@code value} and the money columns may be empty (unknown). Rows with
 * the same serial and read time form one read, in the order of their first row; a read's money
 * counters may be repeated on each of its rows or given once, but never differ. Every problem is
 * named at {@code <file name>:<line>} in one {@link dev.restock.api.error.ValidationException}
 * and no read is returned. Stateless and thread-safe.
 */
@Experimental(since = "0.2")
public final class CsvReadParser implements ReadParser {
  /** This format's id. */
  public static final String ID = "csv";

  private static final List<String> REQUIRED =
      List.of("serial", "read_at", "selection", "price", "vends", "value");
  private static final List<String> CASH = List.of("cash_sales", "cash_vends", "cash_in",
      "cash_out", "tube_contents", "cashless_sales", "cashless_vends", "total_sales",
      "total_vends");
  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,15}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,4})?");
  private static final CsvMapper CSV = new CsvMapper();

  private final ZoneId zone;

  /** Local date-times in {@code read_at} are UTC. */
  public CsvReadParser() {
    this(ZoneOffset.UTC);
  }

  /** Local date-times in {@code read_at} (without offset) are in {@code zone}. */
  public CsvReadParser(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public String id() {
    return ID;
  }

  private record Key(String serial, Instant readAt) {}

  private static final class Read {
    final int line;
    final Key key;
    final List<SelectionCounter> selections = new ArrayList<>();
    final Map<String, Integer> codes = new HashMap<>();
    final Map<String, String> cash = new LinkedHashMap<>();
    final Map<String, Integer> cashLine = new HashMap<>();

    Read(int line, Key key) {
      this.line = line;
      this.key = key;
    }
  }

  @Override
  public List<MachineRead> parse(ReadFile file) {
    Objects.requireNonNull(file, "file");
    Problems problems = new Problems(file.name());
    Map<Key, Read> reads = new LinkedHashMap<>();
    List<String> header = null;
    int lastLine = 1;
    String text = utf8(file.content(), problems);
    if (text == null) {
      problems.throwIfAny();
    }
    int[] lineStarts = lineStarts(text);
    try (JsonParser csv = CSV.getFactory().createParser(text)) {
      ((CsvParser) csv).setSchema(CsvSchema.emptySchema());
      ((CsvParser) csv).enable(CsvParser.Feature.TRIM_SPACES);
      while (true) {
        JsonToken token = csv.nextToken();
        if (token == null) {
          break;
        }
        if (token != JsonToken.START_ARRAY) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        long offset = -1;
        while (csv.nextToken() == JsonToken.VALUE_STRING) {
          if (offset < 0) {
            offset = csv.currentTokenLocation().getCharOffset();
          }
          cells.add(csv.getText());
        }
        int line = rowLine(text, lineStarts, offset);
        lastLine = line;
        if (cells.isEmpty() || (cells.size() == 1 && cells.get(0).isBlank())) {
          continue; // an empty line
        }
        if (header == null) {
          header = header(cells, line, problems);
          if (header == null) {
            break;
          }
        } else {
          row(header, cells, line, reads, problems);
        }
      }
    } catch (IOException e) {
      // a quote never closed: the rest of the file cannot be read
      int line = e instanceof JsonProcessingException j && j.getLocation() != null
          ? lineAt(lineStarts, j.getLocation().getCharOffset()) : lastLine;
      problems.at(line, "unreadable CSV: " + firstLine(e.getMessage()));
    }
    if (header == null && !problems.any()) {
      problems.at(1, "the file is empty: no header row");
    } else if (header != null && reads.isEmpty() && !problems.any()) {
      problems.at(lastLine, "no rows after the header: the file holds no read");
    }
    problems.throwIfAny();
    List<MachineRead> result = new ArrayList<>();
    for (Read r : reads.values()) {
      result.add(new MachineRead(r.key.serial(), r.key.readAt(), r.selections, cash(r), r.line));
    }
    return List.copyOf(result);
  }

  private static List<String> header(List<String> cells, int line, Problems problems) {
    List<String> names = new ArrayList<>();
    boolean ok = true;
    for (String cell : cells) {
      String name = cell.strip().toLowerCase(Locale.ROOT);
      if (names.contains(name)) {
        problems.at(line, "column " + name + " appears twice in the header");
        ok = false;
      } else if (!REQUIRED.contains(name) && !CASH.contains(name)) {
        problems.at(line, "unknown column '" + DexLexer.abbreviate(name) + "'; the columns are "
            + String.join(", ", REQUIRED) + " and optionally " + String.join(", ", CASH));
        ok = false;
      }
      names.add(name);
    }
    for (String required : REQUIRED) {
      if (!names.contains(required)) {
        problems.at(line, "the header has no " + required + " column");
        ok = false;
      }
    }
    return ok ? names : null;
  }

  private void row(List<String> header, List<String> cells, int line, Map<Key, Read> reads,
      Problems problems) {
    if (cells.size() != header.size()) {
      problems.at(line, "the row has " + cells.size() + " values, the header names "
          + header.size() + " columns");
      return;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      values.put(header.get(i), cells.get(i).strip());
    }
    int before = problems.count();
    String serial = values.get("serial");
    if (serial.isEmpty()) {
      problems.at(line, "serial is empty");
    }
    Instant readAt = instant(values.get("read_at"), line, problems);
    String selection = values.get("selection");
    if (selection.isEmpty()) {
      problems.at(line, "selection is empty");
    }
    BigDecimal price = decimal(values, "price", line, problems);
    String vendsText = values.get("vends");
    Long vends = null;
    if (vendsText.isEmpty()) {
      problems.at(line, "vends is empty");
    } else {
      vends = whole(values, "vends", line, problems);
    }
    BigDecimal value = decimal(values, "value", line, problems);
    for (String column : CASH) {
      if (values.containsKey(column)) {
        if (column.endsWith("_vends")) {
          whole(values, column, line, problems);
        } else {
          decimal(values, column, line, problems);
        }
      }
    }
    if (problems.count() > before) {
      return;
    }
    Key key = new Key(serial, readAt);
    Read read = reads.computeIfAbsent(key, k -> new Read(line, k));
    Integer first = read.codes.putIfAbsent(selection, line);
    if (first != null) {
      problems.at(line, "selection " + selection + " appears a second time in the read of "
          + serial + " at " + readAt + " (first at line " + first + ")");
      return;
    }
    for (String column : CASH) {
      String v = values.get(column);
      if (v == null || v.isEmpty()) {
        continue;
      }
      String known = read.cash.putIfAbsent(column, v);
      if (known == null) {
        read.cashLine.put(column, line);
      } else if (!same(known, v, column)) {
        problems.at(line, column + " " + v + " differs from " + known + " at line "
            + read.cashLine.get(column) + " in the same read");
      }
    }
    read.selections.add(new SelectionCounter(selection, price, vends, value, line));
  }

  private static boolean same(String a, String b, String column) {
    return column.endsWith("_vends") ? Long.parseLong(a) == Long.parseLong(b)
        : new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
  }

  private Instant instant(String text, int line, Problems problems) {
    if (text.isEmpty()) {
      problems.at(line, "read_at is empty");
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException offsetless) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        problems.at(line, "read_at '" + DexLexer.abbreviate(text) + "' is not an ISO date-time "
            + "such as 2026-12-01T08:30:00Z");
        return null;
      }
    }
  }

  private static Long whole(Map<String, String> values, String column, int line,
      Problems problems) {
    String text = values.get(column);
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("-")) {
      problems.at(line, column + " is " + DexLexer.abbreviate(text) + ": it cannot be negative");
      return null;
    }
    if (!WHOLE.matcher(text).matches()) {
      problems.at(line, column + " '" + DexLexer.abbreviate(text)
          + "' is not a whole number of at most 15 digits");
      return null;
    }
    return Long.parseLong(text);
  }

  private static BigDecimal decimal(Map<String, String> values, String column, int line,
      Problems problems) {
    String text = values.get(column);
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("-")) {
      problems.at(line, column + " is " + DexLexer.abbreviate(text) + ": it cannot be negative");
      return null;
    }
    if (!DECIMAL.matcher(text).matches()) {
      problems.at(line, column + " '" + DexLexer.abbreviate(text) + "' is not an amount such as "
          + "1.50 (at most 12 digits before the point and 4 after)");
      return null;
    }
    return new BigDecimal(text);
  }

  private static CashCounters cash(Read r) {
    if (r.cash.isEmpty()) {
      return CashCounters.NONE;
    }
    return new CashCounters(amount(r, "cash_sales"), count(r, "cash_vends"), amount(r, "cash_in"),
        amount(r, "cash_out"), amount(r, "tube_contents"), amount(r, "cashless_sales"),
        count(r, "cashless_vends"), amount(r, "total_sales"), count(r, "total_vends"));
  }

  private static BigDecimal amount(Read r, String column) {
    String v = r.cash.get(column);
    return v == null ? null : new BigDecimal(v);
  }

  private static Long count(Read r, String column) {
    String v = r.cash.get(column);
    return v == null ? null : Long.parseLong(v);
  }

  /** The text, or null when the bytes are not UTF-8 text (then the line of the first bad byte). */
  private static String utf8(byte[] bytes, Problems problems) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      problems.at(line, "the bytes are not UTF-8 text (binary data or another encoding): the "
          + "file is corrupted");
      return null;
    }
    String text = out.flip().toString();
    int[] lineStarts = lineStarts(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
        problems.at(lineAt(lineStarts, i), "unreadable byte 0x" + Integer.toHexString(c)
            + " (binary data, not text): the file is corrupted");
        return null;
      }
    }
    // a byte order mark becomes a blank, which keeps the offsets of every later character
    return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The line a row starts on. Jackson's own line numbers are not those of an editor, and a row's
   * token sits on the line end before it: step over that line end.
   */
  private static int rowLine(String text, int[] lineStarts, long offset) {
    int at = (int) Math.max(0, offset);
    if (at < text.length() && text.charAt(at) == '\r') {
      at++;
      if (at < text.length() && text.charAt(at) == '\n') {
        at++;
      }
    } else if (at < text.length() && text.charAt(at) == '\n') {
      at++;
    }
    return lineAt(lineStarts, at);
  }

  private static int lineAt(int[] lineStarts, long offset) {
    if (offset < 0) {
      return 1;
    }
    int at = java.util.Arrays.binarySearch(lineStarts, (int) offset);
    return at >= 0 ? at + 1 : -at - 1;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the bytes are not CSV text";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
