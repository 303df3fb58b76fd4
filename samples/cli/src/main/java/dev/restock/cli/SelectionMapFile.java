package dev.restock.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.restock.api.error.ValidationException;
import dev.restock.api.validation.Checks;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selection map of {@code sales import --map}: a CSV file with the header {@code
 * serial,selection,position}, one selection of one machine per row ({@code RHV0000000000,1,A1};
 * the position may name a cabinet, {@code 2:A1}).
 */
final class SelectionMapFile {
  private static final List<String> COLUMNS = List.of("serial", "selection", "position");

  private SelectionMapFile() {}

  /**
   * Per serial, selection to position.
   *
   * @throws ValidationException naming every bad row as {@code FILE:line}
   */
  static Map<String, Map<String, String>> read(Path file) {
    String name = file.getFileName().toString();
    Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    Checks checks = new Checks();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
        .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         MappingIterator<Map<String, String>> rows =
             mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
      CsvSchema header = (CsvSchema) rows.getParserSchema();
      for (String column : COLUMNS) {
        if (header.column(column) == null) {
          checks.add(name + ":1", "the header has no column '" + column + "' (it needs "
              + String.join(",", COLUMNS) + ")");
        }
      }
      checks.throwIfAny();
      while (rows.hasNextValue()) {
        Map<String, String> row = rows.nextValue();
        // the row just read ends on its own line (the reader is already past it)
        int line = rows.getParser().currentTokenLocation().getLineNr();
        String where = name + ":" + line;
        String serial = row.getOrDefault("serial", "");
        String selection = row.getOrDefault("selection", "");
        String position = row.getOrDefault("position", "");
        checks.check(!serial.isBlank(), where, "serial is empty");
        checks.check(!selection.isBlank(), where, "selection is empty");
        checks.check(!position.isBlank(), where, "position is empty");
        if (!serial.isBlank() && !selection.isBlank() && !position.isBlank()) {
          String previous = maps.computeIfAbsent(serial, s -> new LinkedHashMap<>())
              .putIfAbsent(selection, position);
          checks.check(previous == null, where, "selection " + selection + " of " + serial
              + " is mapped twice");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationException v) {
        throw v;
      }
      checks.add(name, "cannot read the map: " + e.getMessage());
    }
    checks.throwIfAny();
    return maps;
  }
}
