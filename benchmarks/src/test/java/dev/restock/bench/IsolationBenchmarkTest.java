package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The isolation comparison end to end at a tiny size on PostgreSQL (skipped without a server on
 * 127.0.0.1:5432, except under {@code CI=true}). Asserts the table's shape and that no call was
 * lost, never a time.
 */
class IsolationBenchmarkTest {

  @Test
  void aTinyRunPrintsBothIsolationsWithEveryCallDone() throws Exception {
    requirePostgres();
    List<String> table = IsolationBenchmark.run("--isolation", "--threads", "4", "--rounds",
        "2", "--repeat", "1", "--warmup", "0");

    assertThat(cells(table.get(0))).containsExactly("isolation", "calls", "failed",
        "done/s (median)", "retries/100 calls", "gave up", "done/s vs RC", "retries vs RC");
    List<String> committed = cells(table.get(1));
    List<String> serializable = cells(table.get(2));
    assertThat(committed.get(0)).isEqualTo("read committed");
    assertThat(serializable.get(0)).isEqualTo("serializable");
    for (List<String> row : List.of(committed, serializable)) {
      assertThat(row.get(1)).as("calls").isEqualTo("32");
      assertThat(row.get(2)).as("failed").isEqualTo("0");
      assertThat(Double.parseDouble(row.get(3))).as("done/s").isPositive();
    }
    assertThat(committed.get(6)).isEqualTo("1.00");
  }

  @Test
  void moreSalesThanTheSlotHoldsAreRefusedBeforeAnythingRuns() {
    assertThatThrownBy(() -> IsolationBenchmark.Options.parse("--isolation", "--threads", "40",
        "--rounds", "25")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000");
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
        .map(String::strip).toList();
  }

  private static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(BenchDatabase.POSTGRES, "postgres", "")) {
      c.isValid(2);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL must answer in CI: " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL is not reachable; SKIPPED: " + e.getMessage());
    }
  }
}
