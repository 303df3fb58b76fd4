package dev.restock.cli;

import dev.restock.api.ops.StartupReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@code restock --timing COMMAND} (or {@code RESTOCK_TIMING=true}): where one command's time
 * went, phase by phase, printed to standard error after the command as {@code timing: PHASE  N ms}
 * lines. The phases: the JVM's start until {@code main}, reading the command line, each phase
 * of opening the engine ({@link dev.restock.api.Restock#startupReport()}), the rest of opening
 * it (the database and key checks of the tool), and the command itself (its first query and its
 * output). For finding out where a slow start goes; the figures vary with the machine's load.
 */
final class StartupTiming {
  /** The environment variable that turns timing on for every command: {@code true} or {@code 1}. */
  static final String ENVIRONMENT = "RESTOCK_TIMING";

  /** When {@code main} started (epoch millis); 0 when the tool runs inside tests. */
  private static volatile long mainStartedMillis;
  private static volatile long mainStartedNanos;

  private final long callStarted = System.nanoTime();
  private long opened;
  private StartupReport engine = StartupReport.NONE;

  /** Called first thing in {@code main}. */
  static void mainStarted() {
    mainStartedMillis = System.currentTimeMillis();
    mainStartedNanos = System.nanoTime();
  }

  /** Whether {@code --timing} was given to the tool, or the environment asks for timing. */
  static boolean requested(boolean option, Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT);
    return option || value != null
        && (value.strip().equalsIgnoreCase("true") || value.strip().equals("1"));
  }

  /** The engine is open; {@code report} is how its opening went. */
  void opened(StartupReport report) {
    opened = System.nanoTime();
    engine = report;
  }

  /** The command has run: prints every phase, then the total, to {@code err}. */
  void print(PrintWriter err) {
    long done = System.nanoTime();
    StringBuilder text = new StringBuilder();
    if (mainStartedMillis != 0) {
      // the JVM's own start time is read only now, so that reading it costs no phase anything
      long jvmStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      line(text, "jvm start to main", Duration.ofMillis(mainStartedMillis - jvmStarted));
      line(text, "command line", Duration.ofNanos(callStarted - mainStartedNanos));
    }
    engine.phases().forEach(p -> line(text, p.name(), p.duration()));
    Duration openedIn = Duration.ofNanos(opened - callStarted);
    line(text, "engine open, other", max0(openedIn.minus(engine.total())));
    line(text, "command (first query, output)", Duration.ofNanos(done - opened));
    if (mainStartedMillis != 0) {
      long jvmStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      long mainToDone = (done - mainStartedNanos) / 1_000_000;
      line(text, "total", Duration.ofMillis(mainStartedMillis - jvmStarted + mainToDone));
    } else {
      line(text, "total", Duration.ofNanos(done - callStarted));
    }
    err.print(text);
    err.flush();
  }

  private static Duration max0(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static void line(StringBuilder text, String phase, Duration d) {
    text.append(String.format(Locale.ROOT, "timing: %-30s %6d ms%n", phase, d.toMillis()));
  }
}
