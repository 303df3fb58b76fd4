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

/** The captures in ../shared/dex (MIT, see their LICENSE and SOURCE.md), as the engine gets them. */
class DexSharedSamplesTest {
  private final DexReadParser parser = new DexReadParser();

  @Test
  void animo_is_one_read_of_24_selections_with_the_machine_clock_as_read_time() {
    List<MachineRead> reads = parser.parse(Samples.shared("animo.eva_dts"));

    assertThat(reads).hasSize(1);
    MachineRead read = reads.get(0);
    assertThat(read.machineSerial()).isEqualTo("ANIKraftver");
    assertThat(read.readAt()).isEqualTo(Instant.parse("2010-01-19T23:01:11Z")); // ID5, no EA3
    assertThat(read.line()).isEqualTo(1);
    assertThat(read.selections()).hasSize(24);
    assertThat(read.selections().subList(0, 2)).containsExactly(
        new SelectionCounter("0", new BigDecimal("1.00"), 412, new BigDecimal("412.00"), 10),
        new SelectionCounter("1", new BigDecimal("1.00"), 81, new BigDecimal("81.00"), 14));
    assertThat(read.selections().get(23))
        .isEqualTo(new SelectionCounter("23", new BigDecimal("0.00"), 0, new BigDecimal("0.00"),
            102));
    assertThat(read.cash()).isEqualTo(new CashCounters(null, null, null, null, null, null, null,
        new BigDecimal("8161.00"), 8161L));
  }

  @Test
  void rhevendors_takes_the_read_time_from_EA3_and_falls_back_to_DXS01_for_a_zero_serial() {
    List<MachineRead> reads = parser.parse(Samples.shared("rhevendors.eva_dts"));

    assertThat(reads).hasSize(1);
    MachineRead read = reads.get(0);
    // ID101 is RHV0000000000, a placeholder: the communication id of DXS01 names the machine
    assertThat(read.machineSerial()).isEqualTo("RHV7654321");
    assertThat(read.readAt()).isEqualTo(Instant.parse("2023-11-27T10:11:00Z"));
    assertThat(read.selections()).hasSize(18);
    assertThat(read.selections().subList(0, 2)).containsExactly(
        new SelectionCounter("1", new BigDecimal("0.50"), 602, new BigDecimal("297.90"), 56),
        new SelectionCounter("2", new BigDecimal("0.60"), 1176, new BigDecimal("704.40"), 69));
    assertThat(read.cash()).isEqualTo(new CashCounters(
        new BigDecimal("3123.30"), 5443L, new BigDecimal("4789.05"), new BigDecimal("1615.55"),
        new BigDecimal("58.50"), new BigDecimal("2742.00"), 4156L, new BigDecimal("5865.30"),
        9612L));
  }

  @Test
  void rhevendors_SE_count_is_off_but_its_G85_checksum_vouches_for_the_content() {
    // SE*349 against 369 segments: the controller's count is wrong, the CRC-16 in G85 matches
    assertThat(parser.parse(Samples.shared("rhevendors.eva_dts"))).hasSize(1);
  }

  @Test
  void animo2_is_truncated_and_refused_naming_its_last_line() {
    assertThatThrownBy(() -> parser.parse(Samples.shared("animo2.eva_dts")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .containsExactly(new Violation("animo2.eva_dts:115", "the file ends inside the "
                + "transaction set started at line 2 (no SE and no DXE): it is truncated "
                + "after PA2")));
  }

  @Test
  void sielaff_ends_without_SE_and_DXE_and_is_refused_as_truncated() {
    assertThatThrownBy(() -> parser.parse(Samples.shared("sielaff.eva_dts")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("sielaff.eva_dts:55");
              assertThat(v.message()).contains("truncated", "no SE");
            }));
  }

  @Test
  void sielaff_with_its_trailer_is_a_read_without_selections_but_with_its_money_counters() {
    // the shared capture byte for byte, plus SE and DXE: its preamble (MC5) is skipped
    List<MachineRead> reads = parser.parse(Samples.edge("sielaff-completed.eva_dts"));

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
}
