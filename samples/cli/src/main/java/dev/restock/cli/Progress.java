package dev.restock.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress of long work ("restoring: 3/12 tables") on stderr, only when a person watches a
 * terminal ({@link #onTerminal()}): never in piped or captured output, so that scripts and tests read clean streams.
 * On a terminal each step overwrites the line before; {@link #done()} ends the line.
 *
 * <p>Reusable by any command: {@code Progress p = Progress.of(spec, "importing");
 * p.count(i, n, "rows"); ... p.done();}
 */
final class Progress {
  /** Tests switch this on to see the steps in captured output (one line per step). */
  static volatile boolean forced;

  private final PrintWriter err;
  private final String task;
  private final boolean enabled;
  private final boolean terminal;
  private int width;

  private Progress(PrintWriter err, String task, boolean enabled, boolean terminal) {
    this.err = err;
    this.task = task;
    this.enabled = enabled;
    this.terminal = terminal;
  }

  /** Progress of {@code task} on the command's error stream. */
  static Progress of(CommandSpec spec, String task) {
    return of(spec.commandLine().getErr(), task);
  }

  static Progress of(PrintWriter err, String task) {
    boolean terminal = onTerminal();
    return new Progress(err, task, terminal || forced, terminal && !forced);
  }

  /**
   * Whether a person is at a terminal. Up to JDK 21 {@code System.console()} is null unless the
   * process is interactive; from JDK 22 it may be there when redirected as well, and
   * {@code Console.isTerminal()} (looked up reflectively: this code is built for Java 17) says.
   */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Whether anything is shown. */
  boolean enabled() {
    return enabled;
  }

  /** A named stage: "backup: copying the database". */
  void step(String what) {
    show(task + ": " + what);
  }

  /** A count: "restoring: 3/12 tables". */
  void count(long done, long total, String unit) {
    show(task + ": " + done + "/" + total + " " + unit);
  }

  /** Ends the progress line (on a terminal the last step stays visible above the output). */
  void done() {
    if (enabled && terminal && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  private void show(String line) {
    if (!enabled) {
      return;
    }
    if (terminal) {
      String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
      err.print("\r" + padded);
      width = line.length();
    } else {
      err.println(line);
    }
    err.flush();
  }
}
