package dev.restock.plugin.importdex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a DEX file into segments with the file's own separators. EVA-DTS writes {@code *} between
 * elements and a line end (CRLF) after each segment, but controllers and the tools that move
 * their files differ: LF or CR alone, another element separator, or a one-character segment
 * terminator such as {@code ~} (optionally followed by a line end). None of them is declared in
 * a header field, so both are inferred from the header:
 *
 * <ul>
 *   <li>the element separator is the character right after the tag of the first {@code DXS}
 *       segment ({@code DXS*}), or of the {@code ST} segment when there is no DXS;
 *   <li>the segment terminator is the first character after {@code ST<sep>001<sep>} and its
 *       control number (digits) that is neither a digit, a blank nor the separator: a line end
 *       (then CRLF, LF and CR all end a segment) or a single character.
 * </ul>
 *
 * <p>Lines are counted as editors count them (CRLF, LF and CR each end one). In a file without
 * any line end, a segment's "line" is its position (the first segment is 1).
 */
final class DexLexer {
  private static final Pattern TAG = Pattern.compile("[A-Z][A-Z0-9]{1,4}");

  /** The segments, and the terminator the file uses (for the G85 checksum); null on failure. */
  record Lexed(List<DexSegment> segments, String terminator) {}

  private DexLexer() {}

  static Lexed lex(String text, Problems problems) {
    if (text.isBlank()) {
      problems.at(1, "the file is empty: no DEX segments");
      return null;
    }
    int header = segmentStart(text, "DXS");
    int tagLength = 3;
    if (header < 0) {
      header = segmentStart(text, "ST");
      tagLength = 2;
    }
    if (header < 0 || header + tagLength >= text.length()) {
      problems.at(1, "no DXS or ST header segment: not a DEX/EVA-DTS audit file");
      return null;
    }
    char separator = text.charAt(header + tagLength);
    if (Character.isLetterOrDigit(separator) || Character.isWhitespace(separator)
        || Character.isISOControl(separator)) {
      problems.at(lineOf(text, header), "the " + text.substring(header, header + tagLength)
          + " header is not followed by an element separator but by '"
          + printable(separator) + "'");
      return null;
    }
    int st = tagLength == 2 ? header : text.indexOf("ST" + separator + "001" + separator, header);
    if (st < 0) {
      problems.at(lineOf(text, header), "no ST" + separator + "001 segment after the DXS header: "
          + "the file has no transaction set");
      return null;
    }
    int i = st + 3 + 3 + 1;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == ' '
        || text.charAt(i) == separator)) {
      i++;
    }
    String terminator;
    if (i >= text.length() || text.charAt(i) == '\r' || text.charAt(i) == '\n') {
      terminator = null;
    } else if (Character.isLetter(text.charAt(i))) {
      problems.at(lineOf(text, st), "the ST segment is not followed by a segment terminator");
      return null;
    } else {
      terminator = String.valueOf(text.charAt(i));
    }
    List<DexSegment> segments = terminator == null
        ? byLines(text, separator, problems)
        : byTerminator(text, terminator.charAt(0), separator, problems);
    return new Lexed(segments, terminator == null ? lineEndAfter(text, st) : terminator);
  }

  private static List<DexSegment> byLines(String text, char separator, Problems problems) {
    List<DexSegment> segments = new ArrayList<>();
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      boolean end = i == text.length();
      char c = end ? '\n' : text.charAt(i);
      if (c == '\r' || c == '\n') {
        add(segments, text.substring(start, i), line, separator, problems);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        start = i + 1;
      }
    }
    return segments;
  }

  private static List<DexSegment> byTerminator(String text, char terminator, char separator,
      Problems problems) {
    List<DexSegment> segments = new ArrayList<>();
    boolean lines = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == terminator) {
        int from = start;
        while (from < i && (text.charAt(from) == '\r' || text.charAt(from) == '\n')) {
          from++;
        }
        int line = lines ? lineOf(text, from) : segments.size() + 1;
        add(segments, text.substring(from, i), line, separator, problems);
        start = i + 1;
      }
    }
    return segments;
  }

  private static void add(List<DexSegment> segments, String raw, int line, char separator,
      Problems problems) {
    if (raw.isBlank()) {
      return;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
        problems.at(line, "unreadable byte 0x" + Integer.toHexString(c)
            + " (binary data, not text) at column " + (i + 1) + ": the file is corrupted");
        return;
      }
    }
    String trimmed = raw.strip();
    List<String> elements = Arrays.asList(trimmed.split(Pattern.quote(String.valueOf(separator)),
        -1));
    if (!TAG.matcher(elements.get(0)).matches()) {
      problems.at(line, "not a DEX segment: '" + abbreviate(trimmed)
          + "' does not start with a segment tag followed by '" + separator + "'");
      return;
    }
    segments.add(new DexSegment(line, elements.get(0), List.copyOf(elements), raw));
  }

  /** Where a segment with this tag starts: at the start of the text or of a line; -1 if nowhere. */
  private static int segmentStart(String text, String tag) {
    int from = 0;
    while (true) {
      int at = text.indexOf(tag, from);
      if (at < 0) {
        return -1;
      }
      if (at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r') {
        return at;
      }
      from = at + 1;
    }
  }

  private static String lineEndAfter(String text, int from) {
    int cr = text.indexOf('\r', from);
    int lf = text.indexOf('\n', from);
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      return lf == cr + 1 ? "\r\n" : "\r";
    }
    return "\n";
  }

  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? "0x" + Integer.toHexString(c) : String.valueOf(c);
  }

  static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 24) + "...";
  }
}
