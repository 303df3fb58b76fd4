package dev.restock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.restock.api.RestockSession;
import dev.restock.api.error.NotFoundException;
import dev.restock.api.fleet.Device;
import dev.restock.api.picklist.PickLine;
import dev.restock.api.picklist.PickList;
import dev.restock.api.picklist.ProductTotal;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A pick list as CSV, for a spreadsheet or the warehouse: two sections, each with its own header
 * row, separated by one blank line. First the lines ({@value #LINES}), then the pre-kit totals
 * per product ({@value #TOTALS}; cases are whole case packs for the units).
 */
final class PickListCsv {
  static final String LINES = "device,serial,cabinet,position,sku,product,units";
  static final String TOTALS = "sku,product,category,units,case_pack,cases";
  /** What the {@code --format} options say about the layout. */
  static final String LAYOUT = "csv prints the lines (" + LINES + "), a blank line, then the "
      + "pre-kit totals per product (" + TOTALS + ").";

  private static final CsvMapper MAPPER = new CsvMapper();

  private PickListCsv() {}

  /** The output formats of a pick list. */
  static void write(PickList list, Map<UUID, String> serials, PrintWriter out) {
    List<List<Object>> lines = new ArrayList<>();
    for (PickLine l : list.lines()) {
      lines.add(List.of(l.deviceName(), serials.getOrDefault(l.deviceId(), ""),
          l.cabinetIndex(), l.position(), l.sku(), l.productName(), l.pick()));
    }
    List<List<Object>> totals = new ArrayList<>();
    for (ProductTotal t : list.totals()) {
      List<Object> row = new ArrayList<>();
      row.add(t.sku());
      row.add(t.name());
      row.add(t.category() == null ? "" : t.category());
      row.add(t.units());
      row.add(t.casePack());
      row.add(t.cases());
      totals.add(row);
    }
    out.print(section(LINES, lines));
    out.println();
    out.print(section(TOTALS, totals));
    out.flush();
  }

  /** Serial numbers of the pick list's devices, "" for one that is no longer live. */
  static Map<UUID, String> serials(RestockSession session, PickList list) {
    Map<UUID, String> serials = new HashMap<>();
    session.devices().listByRoute(list.routeId())
        .forEach(d -> serials.put(d.id(), d.serialNumber()));
    for (PickLine l : list.lines()) {
      if (!serials.containsKey(l.deviceId())) {
        String serial;
        try {
          Device d = session.devices().get(l.deviceId());
          serial = d.serialNumber();
        } catch (NotFoundException e) {
          serial = "";
        }
        serials.put(l.deviceId(), serial);
      }
    }
    return serials;
  }

  private static String section(String header, List<List<Object>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder();
    for (String column : header.split(",")) {
      schema.addColumn(column);
    }
    try {
      return MAPPER.writer(schema.build().withHeader()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
