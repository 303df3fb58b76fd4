package dev.restock.core.audit.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON subset the audit files use: objects (key order kept), arrays, strings, whole numbers,
 * booleans and null. Core has no JSON library, and these files need exact control of the bytes.
 */
final class JsonText {
  private final String s;
  private int i;

  private JsonText(String s) {
    this.s = s;
  }

  /** Parses one JSON value filling the whole text (white space around it allowed). */
  static Object parse(String text) {
    JsonText p = new JsonText(text);
    p.space();
    Object v = p.value(0);
    p.space();
    if (p.i != text.length()) {
      throw p.error("unexpected text after the value");
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object v, String what) {
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + ": an object is required");
    }
    return (Map<String, Object>) v;
  }

  /** Writes {@code v}; {@code indent < 0} for one line without spaces. */
  static void write(Object v, StringBuilder out, int indent, int depth) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String str) {
      string(str, out);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      int n = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(n++ > 0 ? "," : "");
        newline(out, indent, depth + 1);
        string((String) e.getKey(), out);
        out.append(indent < 0 ? ":" : ": ");
        write(e.getValue(), out, indent, depth + 1);
      }
      if (n > 0) {
        newline(out, indent, depth);
      }
      out.append('}');
    } else if (v instanceof List<?> list) {
      out.append('[');
      int n = 0;
      for (Object item : list) {
        out.append(n++ > 0 ? "," : "");
        newline(out, indent, depth + 1);
        write(item, out, indent, depth + 1);
      }
      if (n > 0) {
        newline(out, indent, depth);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void newline(StringBuilder out, int indent, int depth) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private static void string(String str, StringBuilder out) {
    out.append('"');
    for (int k = 0; k < str.length(); k++) {
      char c = str.charAt(k);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // everything else outside printable ASCII is escaped, so a file is plain ASCII and
          // no invisible or direction-changing character can hide in it
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private Object value(int depth) {
    if (depth > 32) {
      throw error("nested too deeply");
    }
    if (i >= s.length()) {
      throw error("a value is missing");
    }
    char c = s.charAt(i);
    if (c == '{') {
      i++;
      Map<String, Object> m = new LinkedHashMap<>();
      space();
      if (peek('}')) {
        return m;
      }
      do {
        space();
        if (i >= s.length() || s.charAt(i) != '"') {
          throw error("a key is required");
        }
        String key = string();
        space();
        expect(':');
        space();
        if (m.containsKey(key)) {
          throw error("key '" + key + "' appears twice");
        }
        m.put(key, value(depth + 1));
        space();
      } while (peek(','));
      expect('}');
      return m;
    }
    if (c == '[') {
      i++;
      List<Object> list = new ArrayList<>();
      space();
      if (peek(']')) {
        return list;
      }
      do {
        space();
        list.add(value(depth + 1));
        space();
      } while (peek(','));
      expect(']');
      return list;
    }
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      int start = i;
      if (c == '-') {
        i++;
      }
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
      }
      try {
        return Long.parseLong(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw error("not a whole number");
      }
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (s.startsWith(word, i)) {
        i += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    throw error("unexpected character");
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("a control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        throw error("unterminated escape");
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException x) {
            throw error("bad \\u escape");
          }
          i += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private void space() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private boolean peek(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not valid JSON at character " + i + ": " + what);
  }
}
