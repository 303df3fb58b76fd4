package dev.restock.plugin.importdex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import dev.restock.api.reads.CashCounters;
import dev.restock.api.reads.MachineRead;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.reads.SelectionCounter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each record kind and each refusal, on the files under {@code dex/edge} (written for these
 * tests from one audit: machine EDGE0001, selections A1 and A2, every money counter).
 */
class DexReadParserTest {
  private final DexReadParser parser = new DexReadParser();

  /** What the edge audit holds, whatever its separators and line ends. */
  private static MachineRead edgeRead(String serial, int a1Line) {
    return new MachineRead(serial, Instant.parse("2026-12-01T09:30:00Z"), List.of(
        new SelectionCounter("A1", new BigDecimal("1.50"), 5, new BigDecimal("7.50"), a1Line),
        new SelectionCounter("A2", new BigDecimal("1.25"), 4, new BigDecimal("5.00"), a1Line + 2)),
        new CashCounters(new BigDecimal("7.50"), 5L, new BigDecimal("26.00"),
            new BigDecimal("4.60"), new BigDecimal("12.34"), new BigDecimal("5.00"), 4L,
            new BigDecimal("12.50"), 9L),
        1);
  }

  private static List<Violation> violations(Runnable parse) {
    try {
      parse.run();
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("the file was accepted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"edge-lf.eva_dts", "edge-cr.eva_dts",
      "edge-crlf-no-final-newline.eva_dts", "edge-tilde-newline.eva_dts"})
  void every_line_end_and_terminator_reads_the_same_counters(String name) {
    assertThat(parser.parse(Samples.edge(name))).containsExactly(edgeRead("EDGE0001", 14));
  }

  @Test
  void other_separators_on_one_line_count_segments_as_lines_and_verify_their_checksum() {
    // '|' between elements and '~' after segments, no line end at all: line = segment number
    assertThat(parser.parse(Samples.edge("edge-tilde-pipe.eva_dts")))
        .containsExactly(edgeRead("EDGE0001", 14));
  }

  @Test
  void a_capture_reads_the_same_with_crlf_lf_or_cr_and_its_checksum_holds_for_each() {
    List<MachineRead> lf = parser.parse(Samples.shared("animo.eva_dts"));

    assertThat(parser.parse(Samples.edge("animo-crlf.eva_dts"))).isEqualTo(lf);
    assertThat(parser.parse(Samples.edge("animo-cr.eva_dts"))).isEqualTo(lf);
  }

  @Test
  void local_times_are_read_in_the_zone_of_the_machines() {
    MachineRead read = new DexReadParser(ZoneId.of("Europe/Berlin"))
        .parse(Samples.edge("edge-lf.eva_dts")).get(0);

    assertThat(read.readAt()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
  }

  @Test
  void ID4_decimal_point_position_scales_every_amount() {
    MachineRead none = parser.parse(Samples.edge("decimals-0.eva_dts")).get(0);
    MachineRead three = parser.parse(Samples.edge("decimals-3.eva_dts")).get(0);
    MachineRead absent = parser.parse(Samples.edge("decimals-absent.eva_dts")).get(0);

    assertThat(none.selections().get(0).price()).isEqualTo(new BigDecimal("150"));
    assertThat(none.selections().get(0).value()).isEqualTo(new BigDecimal("750"));
    assertThat(none.cash().tubeContents()).isEqualTo(new BigDecimal("1234"));
    assertThat(three.selections().get(0).price()).isEqualTo(new BigDecimal("0.150"));
    assertThat(three.cash().cashIn()).isEqualTo(new BigDecimal("2.600"));
    assertThat(three.cash().totalSales()).isEqualTo(new BigDecimal("1.250"));
    assertThat(absent.selections().get(0).price()).isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void vends_are_the_counters_since_initialisation_even_below_the_since_reset_ones() {
    MachineRead read = parser.parse(Samples.edge("counters-reset.eva_dts")).get(0);

    assertThat(read.selections()).extracting(SelectionCounter::selection,
            SelectionCounter::vends, SelectionCounter::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A1", 905L, new BigDecimal("1357.50")),
            org.assertj.core.groups.Tuple.tuple("A2", 12L, new BigDecimal("15.00")));
  }

  @Test
  void a_complete_audit_without_PA_segments_is_a_read_without_selections() {
    MachineRead read = parser.parse(Samples.edge("no-pa.eva_dts")).get(0);

    assertThat(read.selections()).isEmpty();
    assertThat(read.cash()).isEqualTo(edgeRead("EDGE0001", 14).cash());
  }

  @Test
  void two_transmissions_are_two_reads_each_starting_at_its_DXS() {
    List<MachineRead> reads = parser.parse(Samples.edge("two-reads.eva_dts"));

    assertThat(reads).extracting(MachineRead::machineSerial, MachineRead::readAt,
            MachineRead::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("EDGE0001", Instant.parse("2026-12-01T09:30:00Z"), 1),
            org.assertj.core.groups.Tuple.tuple("EDGE0002", Instant.parse("2026-12-01T10:45:00Z"), 21));
    assertThat(reads.get(1).selections()).extracting(SelectionCounter::line)
        .containsExactly(34, 36);
  }

  @Test
  void a_zero_ID101_falls_back_to_the_DXS01_communication_id() {
    assertThat(parser.parse(Samples.edge("placeholder-serial.eva_dts")).get(0).machineSerial())
        .isEqualTo("COMM4711");
  }

  @Test
  void an_empty_ID101_without_DXS_header_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("blank-serial-no-dxs.eva_dts"))))
        .containsExactly(new Violation("blank-serial-no-dxs.eva_dts:2", "ID101 machine serial "
            + "number is empty or a placeholder ('') and the DXS header gives no communication "
            + "id (DXS01) to use instead"));
  }

  @Test
  void an_empty_file_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("empty.eva_dts"))))
        .containsExactly(new Violation("empty.eva_dts:1", "the file is empty: no DEX segments"));
  }

  @Test
  void a_file_that_is_not_DEX_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("not-dex.eva_dts"))))
        .containsExactly(new Violation("not-dex.eva_dts:1",
            "no DXS or ST header segment: not a DEX/EVA-DTS audit file"));
  }

  @Test
  void corrupted_counters_are_all_named_with_their_element() {
    assertThat(violations(() -> parser.parse(Samples.edge("corrupted-counter.eva_dts"))))
        .containsExactly(
            new Violation("corrupted-counter.eva_dts:9",
                "CA202 is -5: a counter cannot be negative"),
            new Violation("corrupted-counter.eva_dts:15", "PA201 '5X' is not a whole number"));
  }

  @Test
  void a_PA2_before_any_PA1_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("pa2-before-pa1.eva_dts"))))
        .containsExactly(new Violation("pa2-before-pa1.eva_dts:14",
            "PA2 without a PA1 before it: these counters belong to no selection"));
  }

  @Test
  void a_PA1_without_its_PA2_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("pa1-without-pa2.eva_dts"))))
        .containsExactly(new Violation("pa1-without-pa2.eva_dts:16",
            "PA1 of selection A3 has no PA2 after it: its vend counters are missing"));
  }

  @Test
  void a_read_without_ID1_is_refused_at_its_start() {
    assertThat(violations(() -> parser.parse(Samples.edge("missing-id1.eva_dts"))))
        .containsExactly(new Violation("missing-id1.eva_dts:1", "the read has no ID1 segment "
            + "(machine identification): whose counters these are is unknown"));
  }

  @Test
  void a_selection_twice_in_one_read_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("duplicate-selection.eva_dts"))))
        .containsExactly(new Violation("duplicate-selection.eva_dts:18",
            "selection A1 appears a second time (first PA1 at line 14)"));
  }

  @Test
  void impossible_values_are_all_named() {
    assertThat(violations(() -> parser.parse(Samples.edge("impossible-values.eva_dts"))))
        .extracting(Violation::field)
        .containsExactly("impossible-values.eva_dts:4", "impossible-values.eva_dts:18",
            "impossible-values.eva_dts:20");
    assertThat(violations(() -> parser.parse(Samples.edge("impossible-values.eva_dts"))))
        .extracting(Violation::message)
        .containsExactly("ID401 decimal point position 7 is impossible: 0 to 4 places",
            "EA302/EA303 261341 0930 is not a valid date and time: Invalid value for "
                + "MonthOfYear (valid values 1 - 12): 13",
            "PA202 value 500 with PA201 0 vends is impossible");
  }

  @Test
  void binary_garbage_is_named_on_each_line_it_is_on() {
    List<Violation> violations = violations(() -> parser.parse(Samples.edge("garbage.eva_dts")));

    assertThat(violations).first().isEqualTo(new Violation("garbage.eva_dts:7",
        "unreadable byte 0x0 (binary data, not text) at column 1: the file is corrupted"));
    assertThat(violations).allSatisfy(v -> assertThat(v.message()).contains("binary data"));
    assertThat(violations).hasSizeGreaterThan(1);
  }

  @Test
  void a_file_cut_before_its_trailer_is_refused_at_its_last_line() {
    assertThat(violations(() -> parser.parse(Samples.edge("truncated-no-trailer.eva_dts"))))
        .containsExactly(new Violation("truncated-no-trailer.eva_dts:15", "the file ends inside "
            + "the transaction set started at line 2 (no SE and no DXE): it is truncated after "
            + "PA2"));
  }

  @Test
  void a_SE_count_other_than_the_segments_seen_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("se-count-wrong.eva_dts"))))
        .containsExactly(new Violation("se-count-wrong.eva_dts:19", "SE01 says 12 segments but "
            + "the set from line 2 has 18: segments are missing or extra"));
  }

  @Test
  void a_G85_checksum_that_does_not_match_is_refused() {
    assertThat(violations(() -> parser.parse(Samples.edge("bad-g85.eva_dts"))))
        .singleElement().satisfies(v -> {
          assertThat(v.field()).isEqualTo("bad-g85.eva_dts:19");
          assertThat(v.message()).startsWith("G85 checksum '")
              .endsWith("the file was altered or corrupted");
        });
  }

  @Test
  void every_problem_of_a_file_is_named_not_only_the_first() {
    String text = String.join("\n", "DXS*C1*VA*V1/1*1", "ST*001*0001", "ID1*M1",
        "PA2*1*100", "PA1*A1*x", "PA2*-1*100", "VA1*12a*3", "SE*9*0002", "DXE*1*2", "");

    assertThat(violations(() -> parser.parse(
            new ReadFile("many.dex", text.getBytes(StandardCharsets.US_ASCII)))))
        .extracting(Violation::toString)
        .containsExactly(
            "many.dex:4: PA2 without a PA1 before it: these counters belong to no selection",
            "many.dex:5: PA102 'x' is not a whole number",
            "many.dex:6: PA201 is -1: a counter cannot be negative",
            "many.dex:7: VA101 '12a' is not a whole number",
            "many.dex:8: SE02 control number '0002' is not the ST02 '0001' of line 2",
            "many.dex:8: SE01 says 9 segments but the set from line 2 has 7: segments are "
                + "missing or extra",
            "many.dex:9: DXE02 says 2 transaction sets but the transmission started at line 1 "
                + "has 1: sets are missing or extra");
  }

  @Test
  void segments_outside_a_transaction_set_or_after_DXE_are_refused() {
    String text = String.join("\r\n", "DXS*C1*VA*V1/1*1", "XX1*stray", "ST*001*0001",
        "ID1*M1", "SE*3*0001", "DXE*1*1", "ID1*late", "");

    assertThat(violations(() -> parser.parse(
            new ReadFile("stray.dex", text.getBytes(StandardCharsets.US_ASCII)))))
        .extracting(Violation::toString)
        .containsExactly(
            "stray.dex:2: XX1 outside a transaction set (between ST and SE)",
            "stray.dex:7: ID1 after DXE: the transmission is over");
  }

  @Test
  void the_parser_is_the_dex_format() {
    assertThat(parser.id()).isEqualTo("dex");
  }
}
