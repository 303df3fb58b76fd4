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
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code import-dex.require-trailer=false}: a file that ends without SE/DXE (and without G85) is
 * a read when its last segment and its last selection block are complete.
 */
class DexTrailerOptionalTest {
  private final DexReadParser lenient = new DexReadParser(ZoneOffset.UTC, false);
  private final DexReadParser strict = new DexReadParser();

  private static List<Violation> violations(DexReadParser parser, ReadFile file) {
    try {
      parser.parse(file);
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("not refused: " + file.name());
  }

  private static ReadFile text(String name, String content) {
    return new ReadFile(name, content.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void sielaff_without_its_trailer_is_a_read_without_selections_with_its_cash_counters() {
    List<MachineRead> reads = lenient.parse(Samples.shared("sielaff.eva_dts"));

    assertThat(reads).singleElement().satisfies(read -> {
      assertThat(read.machineSerial()).isEqualTo("SIE90517939");
      assertThat(read.readAt()).isEqualTo(Instant.parse("2023-08-21T17:53:47Z"));
      assertThat(read.line()).isEqualTo(2);
      assertThat(read.selections()).isEmpty();
      assertThat(read.cash()).isEqualTo(new CashCounters(
          new BigDecimal("2329.50"), 1659L, new BigDecimal("2729.15"), new BigDecimal("469.55"),
          new BigDecimal("50.50"), new BigDecimal("19.00"), 7L, new BigDecimal("2348.50"),
          1666L));
    });
  }

  @Test
  void animo2_stays_refused_as_cut_inside_the_block_of_selection_27() {
    assertThat(violations(lenient, Samples.shared("animo2.eva_dts"))).containsExactly(
        new Violation("animo2.eva_dts:115", "the file ends without SE and DXE and is cut "
            + "inside the block of selection 27 that starts at line 114: it stops after PA2, "
            + "but the file's other selection blocks carry PA2, PA3, PA4"));
    assertThat(violations(strict, Samples.shared("animo2.eva_dts"))).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("truncated"));
  }

  @Test
  void an_own_file_that_ends_cleanly_without_trailer_is_a_read_only_with_the_setting() {
    List<MachineRead> reads = lenient.parse(Samples.edge("no-trailer-clean.eva_dts"));

    assertThat(reads).containsExactly(new MachineRead("EDGE0001",
        Instant.parse("2026-12-01T09:30:00Z"), List.of(
            new SelectionCounter("A1", new BigDecimal("1.50"), 5, new BigDecimal("7.50"), 8),
            new SelectionCounter("A2", new BigDecimal("1.25"), 4, new BigDecimal("5.00"), 12)),
        new CashCounters(new BigDecimal("7.50"), 5L, null, null, null, null, null,
            new BigDecimal("12.50"), 9L), 1));
    assertThat(violations(strict, Samples.edge("no-trailer-clean.eva_dts"))).singleElement()
        .satisfies(v -> {
          assertThat(v.field()).isEqualTo("no-trailer-clean.eva_dts:15");
          assertThat(v.message()).contains("truncated");
        });
  }

  private static final String HEAD = "DXS*CID1*VA*V1/1*1\nST*001*0001\nID1*EDGE0001\n"
      + "PA1*A1*150\nPA2*5*750\nPA3*0*0\n";

  @Test
  void a_last_block_without_its_PA2_or_shorter_than_the_others_is_refused() {
    assertThat(violations(lenient, text("cut.eva_dts", HEAD + "PA1*A2*125\n")))
        .containsExactly(new Violation("cut.eva_dts:7", "the file ends without SE and DXE and "
            + "is cut inside the block of selection A2 that starts at line 7: it stops after "
            + "PA1, but the file's other selection blocks carry PA2, PA3"));
    assertThat(violations(lenient, text("cut.eva_dts", HEAD + "PA1*A2*125\nPA2*4*500\n")))
        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("cut.eva_dts:8"));
    assertThat(lenient.parse(text("whole.eva_dts", HEAD + "PA1*A2*125\nPA2*4*500\nPA3*0*0")))
        .singleElement().satisfies(r -> assertThat(r.selections()).hasSize(2));
  }

  @Test
  void a_block_followed_by_other_segments_is_whole_even_without_the_others_PA3() {
    assertThat(lenient.parse(text("ok.eva_dts", HEAD + "PA1*A2*125\nPA2*4*500\nVA1*1*1\n")))
        .singleElement().satisfies(r -> assertThat(r.selections()).hasSize(2));
  }

  @Test
  void a_file_with_its_own_terminator_must_end_with_it() {
    String head = "DXS*CID1*VA*V1/1*1~ST*001*0001~ID1*EDGE0001~VA1*100*1";
    assertThat(lenient.parse(text("tilde.eva_dts", head + "~"))).hasSize(1);
    assertThat(violations(lenient, text("tilde.eva_dts", head))).containsExactly(
        new Violation("tilde.eva_dts:4", "the file ends without SE and DXE, inside the "
            + "segment VA1 (no '~' after it): it is truncated"));
  }

  @Test
  void a_set_whose_trailer_began_with_G85_or_an_earlier_cut_set_stays_refused() {
    assertThat(violations(lenient, text("g85.eva_dts",
        "DXS*CID1*VA*V1/1*1\nST*001*0001\nID1*EDGE0001\nG85*0000\n")))
        .anySatisfy(v -> assertThat(v.message()).contains("no SE"));
    assertThat(violations(lenient, text("two.eva_dts",
        "DXS*CID1*VA*V1/1*1\nST*001*0001\nID1*EDGE0001\nST*001*0002\nID1*EDGE0002\n")))
        .containsExactly(new Violation("two.eva_dts:4", "ST before the SE of the transaction "
            + "set started at line 2: that set is truncated"));
  }

  @Test
  void a_file_with_SE_but_no_DXE_is_a_read_with_the_setting() {
    String file = "DXS*CID1*VA*V1/1*1\nST*001*0001\nID1*EDGE0001\nSE*3*0001\n";
    assertThat(lenient.parse(text("se.eva_dts", file))).hasSize(1);
    assertThat(violations(strict, text("se.eva_dts", file))).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("without DXE"));
  }
}
