package dev.restock.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet file read into rows that each know their line: CSV (one row per location, route,
 * device, cabinet or slot, told apart by the {@code kind} column) or JSON (locations, routes and
 * devices with nested cabinets and slots). Both end up as the same rows, so that one set of rules
 * checks them.
 */
final class FleetFile {
  /** The columns of the CSV form, in the order the README shows them. */
  static final List<String> COLUMNS = List.of("kind", "code", "name", "address", "visit_days",
      "serial", "location", "route", "device_type", "cabinet", "cabinet_type", "rows", "columns",
      "planogram", "position", "product", "capacity", "par", "quantity", "price");

  /** One record of the file: its kind, the line it starts on, its fields (never blank). */
  record Row(String kind, int line, Map<String, String> fields) {
    String get(String field) {
      return fields.get(field);
    }

    /** This row with {@code field} set first, as nested JSON objects take their parent's key. */
    Row inherit(String field, String value) {
      Map<String, String> more = new LinkedHashMap<>();
      if (value != null) {
        more.put(field, value);
      }
      fields.forEach(more::putIfAbsent);
      return new Row(kind, line, more);
    }
  }

  /** A file that cannot be read as a whole (broken syntax), with the line where it broke. */
  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    Unreadable(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private FleetFile() {}

  static List<Row> read(Path file, String format) throws IOException {
    return "json".equals(format) ? json(file) : csv(file);
  }

  /** {@code csv} or {@code json} from the file name's extension, or null. */
  static String formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? "csv" : name.endsWith(".json") ? "json" : null;
  }

  /**
   * Reads CSV with a header; the header's columns must be known ones. Blank cells are left out
   * of a row's fields; lines starting with {@code #} are comments.
   */
  static List<Row> csv(Path file) throws IOException {
    return csvRows(file, COLUMNS, "kind");
  }

  /** CSV rows under a header whose columns come from {@code known}; {@code kind} names the kind column or is null. */
  static List<Row> csvRows(Path file, List<String> known, String kindColumn) throws IOException {
    CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
        .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
        .build();
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
    List<Row> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
            .with(schema).readValues(reader)) {
      CsvSchema header = (CsvSchema) it.getParser().getSchema();
      List<String> unknown = new ArrayList<>();
      header.forEach(c -> {
        if (!known.contains(c.getName())) {
          unknown.add(c.getName());
        }
      });
      if (!unknown.isEmpty()) {
        throw new Unreadable(1, "unknown column(s) " + unknown + "; the columns are " + known);
      }
      while (true) {
        Map<String, String> values;
        int line;
        try {
          if (!it.hasNextValue()) {
            break;
          }
          line = it.getParser().currentLocation().getLineNr();
          values = it.nextValue();
        } catch (RuntimeException e) {
          throw new Unreadable(it.getParser().currentLocation().getLineNr(), message(e));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        values.forEach((k, v) -> {
          if (v != null && !v.isBlank()) {
            fields.put(k, v.strip());
          }
        });
        String kind = kindColumn == null ? null : fields.remove(kindColumn);
        rows.add(new Row(kind == null ? null : kind.toLowerCase(Locale.ROOT), line, fields));
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new Unreadable(line, e.getOriginalMessage());
    }
    return rows;
  }

  private static String message(RuntimeException e) {
    Throwable cause = e.getCause() instanceof JsonProcessingException j ? j : e;
    return cause instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  /** JSON field names of each level, mapped to the CSV columns they fill. */
  private static final Map<String, String> LOCATION = Map.of("name", "name", "address", "address");
  private static final Map<String, String> ROUTE = Map.of("code", "code", "name", "name",
      "visitDays", "visit_days");
  private static final Map<String, String> DEVICE = Map.of("serial", "serial", "name", "name",
      "location", "location", "route", "route", "deviceType", "device_type");
  private static final Map<String, String> CABINET = Map.of("index", "cabinet", "type",
      "cabinet_type", "rows", "rows", "columns", "columns", "planogram", "planogram");
  private static final Map<String, String> SLOT = Map.of("position", "position", "product",
      "product", "capacity", "capacity", "par", "par", "quantity", "quantity", "price", "price");

  /**
   * Reads {@code {"locations": [...], "routes": [...], "devices": [{..., "cabinets": [{...,
   * "slots": [...]}]}]}} with Jackson's streaming parser, so that every object keeps its line.
   */
  static List<Row> json(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (JsonParser p = new ObjectMapper().getFactory().createParser(file.toFile())) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "the file must hold one JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String section = p.currentName();
        p.nextToken();
        switch (section) {
          case "locations" -> array(p, section, () -> rows.addAll(object(p, "location",
              LOCATION, null, null)));
          case "routes" -> array(p, section, () -> rows.addAll(object(p, "route", ROUTE, null,
              null)));
          case "devices" -> array(p, section, () -> rows.addAll(object(p, "device", DEVICE,
              "cabinets", () -> object(p, "cabinet", CABINET, "slots",
                  () -> object(p, "slot", SLOT, null, null)))));
          default -> throw new Unreadable(line(p), "unknown section \"" + section
              + "\"; the sections are locations, routes and devices");
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new Unreadable(line, e.getOriginalMessage());
    }
    return rows;
  }

  /**
   * The object at the current token as a row, followed by the rows of its {@code childArray}
   * (each read by {@code child}), which inherit this row's key: a cabinet's slots get its index,
   * a device's cabinets and slots its serial.
   */
  private static List<Row> object(JsonParser p, String kind, Map<String, String> names,
      String childArray, Children child) throws IOException {
    int line = line(p);
    Map<String, String> fields = new LinkedHashMap<>();
    List<Row> children = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals(childArray)) {
        array(p, name, () -> children.addAll(child.read()));
      } else if (!names.containsKey(name)) {
        p.skipChildren();
        fields.put(UNKNOWN + name, "");
      } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
        throw new Unreadable(line(p), kind + " field \"" + name + "\" must be a single value");
      } else if (value != JsonToken.VALUE_NULL && !p.getText().isBlank()) {
        fields.put(names.get(name), p.getText().strip());
      }
    }
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(kind, line, fields));
    String key = "device".equals(kind) ? "serial" : "cabinet";
    children.forEach(r -> rows.add(r.inherit(key, fields.get(key))));
    return rows;
  }

  /** Marks a field the file names but the format does not know (reported with its line). */
  static final String UNKNOWN = "?";

  @FunctionalInterface
  interface Children {
    List<Row> read() throws IOException;
  }

  @FunctionalInterface
  interface Element {
    void read() throws IOException;
  }

  private static void array(JsonParser p, String name, Element element) throws IOException {
    expect(p, p.currentToken(), JsonToken.START_ARRAY, "\"" + name + "\" must be an array");
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p, p.currentToken(), JsonToken.START_OBJECT,
          "each element of \"" + name + "\" must be an object");
      element.read();
    }
  }

  private static void expect(JsonParser p, JsonToken token, JsonToken wanted, String message) {
    if (token != wanted) {
      throw new Unreadable(line(p), message);
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
