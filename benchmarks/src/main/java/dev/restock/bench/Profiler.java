package dev.restock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records an engine scenario with JDK Flight Recorder ("profile" settings) into one file per
 * scenario and database, then prints the engine's hottest frames: for each sample the innermost
 * frame of the engine's own code ({@code dev.restock}, not this benchmark), counted. Samples are
 * of threads running Java ({@code jdk.ExecutionSample}, every 10 ms) and of threads inside a
 * native method ({@code jdk.NativeMethodSample}, every 20 ms): SQLite's work is native, so the
 * first alone would hide the time a unit of work spends in the database.
 */
final class Profiler {
  static final int TOP = 15;
  private static final String ENGINE = "dev.restock.";
  private static final String BENCH = "dev.restock.bench.";

  interface Work<T> {
    T run() throws Exception;
  }

  /** A frame and the samples it was the innermost engine frame of. */
  record HotFrame(String frame, long samples) {}

  /** The engine's hot frames of one recording, and the samples behind them. */
  record Profile(List<HotFrame> top, long samples, long nativeSamples, long withEngineFrame,
      long truncated) {}

  private final Path dir;

  Profiler(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  <T> T record(String name, Work<T> work) throws Exception {
    Path file = dir.resolve(name.toLowerCase(Locale.ROOT) + ".jfr");
    T result;
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.setName(name);
      recording.start();
      result = work.run();
      recording.stop();
      recording.dump(file);
    } catch (ParseException e) {
      throw new IllegalStateException("the JDK's 'profile' JFR settings do not parse", e);
    }
    Profile profile = hotFrames(file, TOP);
    System.out.printf("  JFR %s: %d samples (%d of them native), %d under engine code, %d"
        + " stacks truncated (raise -XX:FlightRecorderOptions:stackdepth= if many); top engine"
        + " frames:%n", file, profile.samples(), profile.nativeSamples(),
        profile.withEngineFrame(), profile.truncated());
    for (HotFrame f : profile.top()) {
      // a share of the samples under engine code: native samples also catch idle threads
      // blocked in a socket or pipe read, which would dilute a share of all samples
      System.out.printf("    %6d  %5.1f%%  %s%n", f.samples(),
          100.0 * f.samples() / Math.max(1, profile.withEngineFrame()), f.frame());
    }
    return result;
  }

  /** The {@code top} innermost engine frames of the execution samples in {@code file}. */
  static Profile hotFrames(Path file, int top) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    long samples = 0;
    long nativeSamples = 0;
    long truncated = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        String name = event.getEventType().getName();
        if (name.equals("jdk.NativeMethodSample")) {
          nativeSamples++;
        } else if (!name.equals("jdk.ExecutionSample")) {
          continue;
        }
        samples++;
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
          continue;
        }
        if (stack.isTruncated()) {
          truncated++;
        }
        for (RecordedFrame frame : stack.getFrames()) {
          if (!frame.isJavaFrame() || frame.getMethod() == null) {
            continue;
          }
          String type = frame.getMethod().getType().getName();
          if (type.startsWith(ENGINE) && !type.startsWith(BENCH)) {
            counts.merge(type + "." + frame.getMethod().getName() + ":" + frame.getLineNumber(),
                1L, Long::sum);
            break;
          }
        }
      }
    }
    long withEngine = counts.values().stream().mapToLong(Long::longValue).sum();
    List<HotFrame> hot = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top).map(e -> new HotFrame(e.getKey(), e.getValue())).toList();
    return new Profile(hot, samples, nativeSamples, withEngine, truncated);
  }
}
