package dev.restock.plugin.importdex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restock.api.error.ValidationException;
import dev.restock.api.reads.ReadFile;
import dev.restock.api.spi.ReadParser;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the bytes, a parser returns reads or refuses with a ValidationException. */
class ParserPropertiesTest {
  private static final byte[] ANIMO = Samples.shared("animo.eva_dts").content();
  private static final byte[] TELEMETRY = Samples.file("csv/telemetry.csv").content();

  @Property(tries = 300)
  void a_capture_cut_anywhere_before_its_DXE_is_refused(@ForAll("cutBeforeDxe") int length) {
    ReadFile cut = new ReadFile("cut.eva_dts", Arrays.copyOf(ANIMO, length));

    assertThatThrownBy(() -> new DexReadParser().parse(cut))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
            .allSatisfy(v -> assertThat(v.field()).startsWith("cut.eva_dts")));
  }

  @Property(tries = 300)
  void without_a_required_trailer_a_cut_capture_is_read_or_refused_never_thrown_otherwise(
      @ForAll("cutBeforeDxe") int length) {
    refusesOrReads(new DexReadParser(java.time.ZoneOffset.UTC, false),
        new ReadFile("cut.eva_dts", Arrays.copyOf(ANIMO, length)));
  }

  @Provide
  Arbitrary<Integer> cutBeforeDxe() {
    int dxe = new String(ANIMO, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("DXE*");
    return Arbitraries.integers().between(0, dxe - 1);
  }

  @Property(tries = 300)
  void a_byte_of_a_capture_changed_is_read_or_refused_never_thrown_otherwise(
      @ForAll @IntRange(min = 0, max = 1812) int at, @ForAll byte value) {
    byte[] bytes = ANIMO.clone();
    bytes[at % bytes.length] = value;

    refusesOrReads(new DexReadParser(), new ReadFile("changed.eva_dts", bytes));
  }

  @Property(tries = 300)
  void arbitrary_bytes_are_read_or_refused_by_both_parsers(@ForAll byte[] bytes) {
    refusesOrReads(new DexReadParser(), new ReadFile("any.bin", bytes));
    refusesOrReads(new DexReadParser(java.time.ZoneOffset.UTC, false),
        new ReadFile("any.bin", bytes));
    refusesOrReads(new CsvReadParser(), new ReadFile("any.bin", bytes));
  }

  @Property(tries = 300)
  void a_telemetry_export_cut_anywhere_is_read_or_refused(@ForAll @IntRange(min = 0,
      max = 400) int length) {
    refusesOrReads(new CsvReadParser(),
        new ReadFile("cut.csv", Arrays.copyOf(TELEMETRY, Math.min(length, TELEMETRY.length))));
  }

  private static void refusesOrReads(ReadParser parser, ReadFile file) {
    try {
      assertThat(parser.parse(file)).isNotNull();
    } catch (ValidationException e) {
      assertThat(e.violations()).isNotEmpty()
          .allSatisfy(v -> assertThat(v.field()).startsWith(file.name()));
    }
  }
}
