package dev.restock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification benchmark's short mode: 5,000 revisions written with the engine's own
 * sealing, verified by a child JVM held to a 256 MB heap, which reports its throughput.
 */
class VerifyBenchmarkTest {
  @TempDir Path dir;

  @Test
  void fiveThousandRevisionsVerifyIntactInA256MegabyteHeap() throws Exception {
    String out;
    try (BenchDatabase db = BenchDatabase.sqlite(dir)) {
      out = VerifyBenchmark.verify(db, 5_000, "bulk");
    }

    Matcher result = Pattern.compile("verify: (\\S+), (\\d+) revisions checked in [0-9.]+ s:"
        + " (\\d+) revisions/s; peak heap (\\d+) MB of max (\\d+) MB").matcher(out);
    assertThat(result.find()).as(out).isTrue();
    assertThat(result.group(1)).isEqualTo("intact");
    assertThat(Long.parseLong(result.group(2))).isEqualTo(5_000);
    assertThat(Long.parseLong(result.group(3))).isPositive();
    // the child really ran held to 256 MB (its peak is below its max by construction)
    assertThat(Long.parseLong(result.group(5))).isLessThanOrEqualTo(256);
  }
}
