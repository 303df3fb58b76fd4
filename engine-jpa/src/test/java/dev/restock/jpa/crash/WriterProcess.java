package dev.restock.jpa.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link CrashWriter} in its own JVM, whose output lines are read as they come, so that the
 * harness can kill it at a moment of its choosing (SIGKILL: {@link Process#destroyForcibly()} on
 * Linux) and then know every unit it reported committed.
 */
final class WriterProcess {
  private static final String EOF = "\u0000EOF";
  private final Process process;
  private final Path stderr;
  private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private WriterProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(this::read, "writer-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a writer JVM with {@code jvmOptions} (e.g. a halt point) and writer arguments. */
  static WriterProcess start(Path stderr, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a short-lived JVM: the C1 compiler and the serial collector start it fastest
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    // Hibernate logs through JBoss Logging, which would pick java.util.logging and fill stderr
    command.add("-Dorg.jboss.logging.provider=slf4j");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashWriter.class.getName());
    command.addAll(args);
    try {
      return new WriterProcess(new ProcessBuilder(command)
          .redirectError(stderr.toFile()).start(), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a writer JVM", e);
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
        }
        queue.add(line);
      }
    } catch (IOException e) {
      // the pipe breaks when the process is killed; what was read is kept
    } finally {
      queue.add(EOF);
    }
  }

  /**
   * Waits for the next line matching {@code wanted}; empty when the writer ended first or the
   * time ran out.
   */
  Optional<String> await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(EOF)) {
        if (line != null) {
          queue.add(EOF);
        }
        return Optional.empty();
      }
      if (wanted.test(line)) {
        return Optional.of(line);
      }
    }
  }

  /** SIGKILL, then waits for the process to be gone and its output to be read to the end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitEnd(Duration.ofMinutes(1));
  }

  /** Waits for the writer to end by itself; its exit status, or empty on time-out. */
  Optional<Integer> awaitEnd(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    reader.join(TimeUnit.MINUTES.toMillis(1));
    return Optional.of(process.exitValue());
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Every line the writer printed (complete once it ended). */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String stderr() {
    try {
      String text = Files.readString(stderr);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }
}
