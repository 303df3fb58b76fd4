package dev.restock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.restock.api.query.Page;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tool's CSV ({@code --format csv}), written by Jackson's CSV generator: a header row, then
 * one record per row, fields quoted only where they hold a separator, a quote or a line break,
 * no padding, lines ending in {@code \n}. An empty cell is an empty field.
 */
final class Csv {
  private static final CsvMapper MAPPER = new CsvMapper();

  private Csv() {}

  /** A header and rows of cells ({@code null} for an empty one). */
  static void write(List<String> header, List<List<String>> rows, PrintWriter out) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    header.forEach(schema::addColumn);
    try (SequenceWriter writer = MAPPER.writer(schema.build()).writeValues(out)) {
      for (List<String> row : rows) {
        writer.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /**
   * Any value the tool prints, for a command that renders no table: the items of a page or a
   * collection, or the value itself, one row each. Columns are the fields of the JSON output in
   * their order; a nested object or list is a field holding its JSON.
   */
  static void writeValue(Object value, PrintWriter out) {
    Collection<?> items = value instanceof Page<?> page ? page.items()
        : value instanceof Collection<?> c ? c : List.of(value);
    List<JsonNode> nodes = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    for (Object item : items) {
      JsonNode node = Json.tree(item);
      if (node.isObject()) {
        node.fieldNames().forEachRemaining(columns::add);
      } else {
        columns.add("value");
      }
      nodes.add(node);
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode node : nodes) {
      List<String> row = new ArrayList<>();
      for (String column : columns) {
        row.add(cell(node.isObject() ? node.get(column) : "value".equals(column) ? node : null));
      }
      rows.add(row);
    }
    write(List.copyOf(columns), rows, out);
  }

  private static String cell(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isContainerNode() ? node.toString()
        : node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
  }
}
