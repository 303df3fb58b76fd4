package dev.restock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restock --timing COMMAND}: where the command's time went, one line per phase on standard
 * error, standard output untouched. Which phases are listed is checked, never how long they took.
 */
class ToolTimingCliTest {
  @TempDir Path dir;

  @BeforeAll
  static void quiet() {
    RestockCli.quietLogging(false);
  }

  @Test
  void timingListsEveryPhaseOfOpeningTheEngineOnStandardErrorOnly() {
    String db = dir.resolve("t.db").toString();
    assertThat(ToolRun.of("init", "--db", db).code()).isZero();
    ToolRun plain = ToolRun.of("product", "list", "--db", db);
    ToolRun timed = ToolRun.of("--timing", "product", "list", "--db", db);

    assertThat(timed.code()).as(timed.toString()).isZero();
    assertThat(timed.out()).isEqualTo(plain.out());
    assertThat(plain.err()).doesNotContain("timing:");
    assertThat(timed.err().lines().filter(l -> l.startsWith("timing: "))
        .map(l -> l.substring("timing: ".length()).replaceFirst("\\s+-?\\d+ ms$", "").strip()))
        .contains("pool open", "integrity check", "flyway", "hibernate metadata",
            "session factory", "guice injector", "engine open, other",
            "command (first query, output)", "total");
    assertThat(timed.err().lines().filter(l -> l.startsWith("timing: ")))
        .allMatch(l -> l.matches("timing: .+ \\d+ ms"));
  }

  @Test
  void theEnvironmentTurnsTimingOnAsTheOptionDoes() {
    assertThat(StartupTiming.requested(false, Map.of("RESTOCK_TIMING", "true"))).isTrue();
    assertThat(StartupTiming.requested(false, Map.of("RESTOCK_TIMING", "1"))).isTrue();
    assertThat(StartupTiming.requested(false, Map.of("RESTOCK_TIMING", "no"))).isFalse();
    assertThat(StartupTiming.requested(false, Map.of())).isFalse();
    assertThat(StartupTiming.requested(true, Map.of())).isTrue();
  }
}
