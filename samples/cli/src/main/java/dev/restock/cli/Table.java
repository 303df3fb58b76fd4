package dev.restock.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows under a header. People read it aligned ({@link #print}: columns padded to their widest
 * cell, "-" for nothing); programs read it as CSV ({@link #writeCsv}: no padding, empty for
 * nothing). Commands make one with {@link EngineCommand#newTable} and print it with
 * {@link EngineCommand#print(Table)}, which picks the rendering for {@code --format}.
 */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row; {@code null} cells are empty. One cell per header column. */
  Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells under a header of "
          + header.size() + " columns " + header);
    }
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(c == null ? null : c instanceof BigDecimal d ? d.toPlainString() : c.toString());
    }
    rows.add(Collections.unmodifiableList(row));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int size() {
    return rows.size();
  }

  List<String> header() {
    return header;
  }

  /** The rows; an empty cell is {@code null}. */
  List<List<String>> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** The rows as objects keyed by column header, for JSON. */
  List<Map<String, String>> records() {
    List<Map<String, String>> records = new ArrayList<>();
    for (List<String> row : rows) {
      Map<String, String> record = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        record.put(header.get(i), row.get(i));
      }
      records.add(record);
    }
    return records;
  }

  /** Aligned for people. */
  void print(PrintWriter out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], text(r.get(i)).length());
      }
    }
    line(header, widths, out);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
    }
    out.println(rule);
    rows.forEach(r -> line(r, widths, out));
    out.flush();
  }

  /** As CSV: the header row, then one record per row, quoted where needed. */
  void writeCsv(PrintWriter out) {
    Csv.write(header, rows, out);
  }

  private static String text(String cell) {
    return cell == null ? "-" : cell;
  }

  private static void line(List<String> cells, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = text(cells.get(i));
      line.append(i == 0 ? "" : "  ").append(cell)
          .append(i == widths.length - 1 ? "" : " ".repeat(widths[i] - cell.length()));
    }
    out.println(line.toString().stripTrailing());
  }
}
