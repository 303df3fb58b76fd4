package dev.restock.plugin.importdex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.SelectionCounter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadParserTest {
  private final CsvReadParser parser = new CsvReadParser();

  private static List<Violation> violations(String name) {
    try {
      new CsvReadParser().parse(Samples.file("csv/" + name));
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("the file was accepted");
  }

  @Test
  void rows_of_one_serial_and_read_time_form_one_read_in_file_order() {
    List<MachineRead> reads = parser.parse(Samples.file("csv/telemetry.csv"));

    assertThat(reads).containsExactly(
        new MachineRead("TEL-1", Instant.parse("2026-12-01T08:00:00Z"), List.of(
            new SelectionCounter("A1", new BigDecimal("1.50"), 10, new BigDecimal("15.00"), 2),
            new SelectionCounter("A2", new BigDecimal("1.25"), 7, new BigDecimal("8.75"), 3)),
            new CashCounters(new BigDecimal("20.00"), 13L, null, null, null,
                new BigDecimal("5.50"), 4L, null, null), 2),
        new MachineRead("TEL-2", Instant.parse("2026-12-01T08:15:00Z"), List.of(
            new SelectionCounter("101", new BigDecimal("2.00"), 3, new BigDecimal("6.00"), 5)),
            new CashCounters(new BigDecimal("6.00"), 3L, null, null, null, BigDecimal.ZERO, 0L,
                null, null), 5),
        new MachineRead("TEL-1", Instant.parse("2026-12-02T08:00:00Z"), List.of(
            new SelectionCounter("A1", new BigDecimal("1.50"), 12, new BigDecimal("18.00"), 6)),
            CashCounters.NONE, 6));
  }

  @Test
  void every_bad_row_is_named_with_its_line_and_column() {
    assertThat(violations("errors.csv")).extracting(Violation::toString).containsExactly(
        "errors.csv:3: serial is empty",
        "errors.csv:3: read_at 'yesterday' is not an ISO date-time such as 2026-12-01T08:30:00Z",
        "errors.csv:3: price 'abc' is not an amount such as 1.50 (at most 12 digits before the "
            + "point and 4 after)",
        "errors.csv:3: vends is -3: it cannot be negative",
        "errors.csv:3: value '1e400' is not an amount such as 1.50 (at most 12 digits before "
            + "the point and 4 after)",
        "errors.csv:4: selection A1 appears a second time in the read of TEL-1 at "
            + "2026-12-01T08:00:00Z (first at line 2)",
        "errors.csv:5: cash_sales 21.00 differs from 20.00 at line 2 in the same read",
        "errors.csv:6: the row has 4 values, the header names 7 columns",
        "errors.csv:7: vends is empty");
  }

  @Test
  void a_header_naming_unknown_duplicate_or_too_few_columns_is_refused() {
    assertThat(violations("bad-header.csv")).extracting(Violation::toString).containsExactly(
        "bad-header.csv:1: unknown column 'when'; the columns are serial, read_at, selection, "
            + "price, vends, value and optionally cash_sales, cash_vends, cash_in, cash_out, "
            + "tube_contents, cashless_sales, cashless_vends, total_sales, total_vends",
        "bad-header.csv:1: column value appears twice in the header",
        "bad-header.csv:1: the header has no read_at column");
  }

  @Test
  void an_empty_file_or_one_without_rows_is_refused() {
    assertThat(violations("empty.csv"))
        .containsExactly(new Violation("empty.csv:1", "the file is empty: no header row"));
    assertThat(violations("header-only.csv")).containsExactly(
        new Violation("header-only.csv:1", "no rows after the header: the file holds no read"));
  }

  @Test
  void a_quote_never_closed_is_refused_at_its_line() {
    assertThat(violations("unclosed-quote.csv")).singleElement().satisfies(v -> {
      assertThat(v.field()).startsWith("unclosed-quote.csv:");
      assertThat(v.message()).startsWith("unreadable CSV: ");
    });
  }

  @Test
  void binary_content_is_refused() {
    byte[] zip = {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, (byte) 0xfe, 0x00, 0x01, '\n', (byte) 0xc3};
    assertThatThrownBy(() -> parser.parse(new dev.restock.api.reads.ReadFile("data.zip", zip)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("invalid input: data.zip:1: ");
  }

  @Test
  void the_parser_is_the_csv_format() {
    assertThat(parser.id()).isEqualTo("csv");
  }
}
