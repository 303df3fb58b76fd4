package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encryption overhead comparison end to end at a tiny size on SQLite. Asserts the table's
 * shape and that every figure was measured, never a time.
 */
class EncryptionBenchmarkTest {

  @Test
  void aTinyRunPrintsEachMeasurePlainAndEncryptedWithTheirRatio() throws Exception {
    List<String> table = EncryptionBenchmark.run("--encryption", "--devices", "2", "--users",
        "3", "--sales", "4", "--orders", "2", "--reads", "3");

    assertThat(cells(table.get(0))).containsExactly("measure", "plain", "encrypted",
        "encrypted/plain");
    assertThat(table.subList(1, table.size()).stream().map(l -> cells(l).get(0)))
        .containsExactly("users created/s", "sales recorded/s", "route order ms (mean)",
            "user by email/s", "location pages of 50/s");
    for (String line : table.subList(1, table.size())) {
      List<String> row = cells(line);
      for (int i = 1; i <= 3; i++) {
        assertThat(Double.parseDouble(row.get(i))).as(line).isPositive();
      }
    }
  }

  @Test
  void moreSalesThanTheSlotsHoldAreRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> EncryptionBenchmark.Options.parse("--encryption", "--devices", "1",
        "--sales", "2000")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
        .map(String::strip).toList();
  }
}
