package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encryption overhead comparison end to end at a tiny size on SQLite. Asserts the table's
 * shape, that every figure was measured (never a time), and that the two databases hold what the
 * run claims to compare: every email, address and visit note sealed in one, none in the other.
 */
class EncryptionBenchmarkTest {

  @Test
  void aTinyRunPrintsEachMeasureWithMediansRatioAndRoundRatioRange() throws Exception {
    EncryptionBenchmark.Report report = EncryptionBenchmark.run("--encryption", "--devices", "2",
        "--users", "3", "--sales", "4", "--orders", "2", "--reads", "10", "--rounds", "2");
    List<String> table = report.table();

    assertThat(cells(table.get(0))).containsExactly("measure (median of rounds)", "plain",
        "encrypted", "enc/plain", "round ratios");
    assertThat(table.subList(1, table.size()).stream().map(l -> cells(l).get(0)))
        .containsExactly("users created/s", "sales recorded/s", "route order created ms",
            "visit completed+notes ms", "user by email/s", "location pages of 50/s",
            "order history reads/s");
    for (String line : table.subList(1, table.size())) {
      List<String> row = cells(line);
      for (int i = 1; i <= 3; i++) {
        assertThat(Double.parseDouble(row.get(i))).as(line).isPositive();
      }
      String[] range = row.get(4).split("\\.\\.");
      assertThat(range).as(line).hasSize(2);
      double low = Double.parseDouble(range[0]);
      double high = Double.parseDouble(range[1]);
      assertThat(low).as(line).isPositive().isLessThanOrEqualTo(high);
    }
  }

  @Test
  void theEncryptedDatabaseHoldsSealedValuesAndThePlainOneNone() throws Exception {
    EncryptionBenchmark.Report report = EncryptionBenchmark.run("--encryption", "--devices", "2",
        "--users", "2", "--sales", "2", "--orders", "1", "--reads", "1", "--rounds", "1");

    assertThat(report.atRest()).extracting(EncryptionBenchmark.AtRest::mode,
        EncryptionBenchmark.AtRest::column).containsExactlyInAnyOrder(
        tuple("plain", "app_user.email"),
        tuple("plain", "location.address"),
        tuple("plain", "service_visit.notes"),
        tuple("encrypted", "app_user.email"),
        tuple("encrypted", "location.address"),
        tuple("encrypted", "service_visit.notes"));
    for (EncryptionBenchmark.AtRest column : report.atRest()) {
      assertThat(column.values()).as(column.toString()).isPositive();
      assertThat(column.sealed()).as(column.toString())
          .isEqualTo(column.mode().equals("encrypted") ? column.values() : 0);
    }
  }

  @Test
  void salesForEveryRoundAndTheWarmUpMustFitTheSlots() {
    // 2 slots x 999 = 1998 units; 500 sales x (3 rounds + warm-up) = 2000
    assertThatThrownBy(() -> EncryptionBenchmark.Options.parse("--encryption", "--devices", "1",
        "--sales", "500", "--rounds", "3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999");
    assertThat(EncryptionBenchmark.Options.parse("--encryption", "--devices", "1", "--sales",
        "499", "--rounds", "3").rounds()).isEqualTo(3);
  }

  @Test
  void roundsDefaultToFiveAndMustBePositive() {
    assertThat(EncryptionBenchmark.Options.parse("--encryption").rounds()).isEqualTo(5);
    assertThatThrownBy(() -> EncryptionBenchmark.Options.parse("--encryption", "--rounds", "0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(EncryptionBenchmark.median(List.of(4.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(EncryptionBenchmark.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
        .map(String::strip).toList();
  }
}
