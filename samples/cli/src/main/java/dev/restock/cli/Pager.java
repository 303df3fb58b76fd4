package dev.restock.cli;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Long text lists on a terminal go through {@code $PAGER} (default {@code less -FRX}, which
 * quits by itself when the text fits a screen). Never when standard input or output is not a
 * terminal (pipes, files, tests): the text is printed as it is. A pager that cannot be started
 * is no error: the text is printed.
 */
final class Pager {
  /** Lines of a terminal whose height is unknown. */
  static final int DEFAULT_HEIGHT = 24;

  private Pager() {}

  /**
   * Whether text of {@code lines} lines should go through the pager: only on a terminal, and
   * only when it does not fit the terminal's {@code height} with a line left for the prompt.
   */
  static boolean shouldPage(boolean terminal, long lines, int height) {
    return terminal && lines > Math.max(1, height - 1);
  }

  /** The pager command: {@code $PAGER} through the shell, else {@code less -FRX}. */
  static List<String> command(String pagerVariable) {
    return pagerVariable == null || pagerVariable.isBlank() ? List.of("less", "-FRX")
        : List.of("sh", "-c", pagerVariable);
  }

  /** Terminal height from {@code $LINES}, else {@code fallback}. */
  static int height(Map<String, String> env, int fallback) {
    String lines = env.get("LINES");
    if (lines != null) {
      try {
        int value = Integer.parseInt(lines.strip());
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // not a height: the fallback is used
      }
    }
    return fallback;
  }

  /**
   * Whether this process talks to a terminal on both standard input and output. On JDK 22 and
   * later {@link System#console()} exists even when redirected, so {@code isTerminal()} is asked.
   */
  static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before JDK 22 a console exists only on a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** Prints {@code text} on {@code out}, through the pager when it is long and on a terminal. */
  static void show(String text, PrintWriter out) {
    boolean terminal = terminal();
    if (!shouldPage(terminal, text.lines().count(),
        terminal ? height(System.getenv(), sttyHeight()) : DEFAULT_HEIGHT)) {
      out.print(text);
      out.flush();
      return;
    }
    out.flush();
    if (!page(text, command(System.getenv("PAGER")))) {
      out.print(text);
      out.flush();
    }
  }

  private static boolean page(String text, List<String> command) {
    try {
      Process pager = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (Writer in = new OutputStreamWriter(pager.getOutputStream(), Charset.defaultCharset())) {
        in.write(text);
      } catch (IOException e) {
        // the reader quit early (q in less): what it showed is what was wanted
      }
      pager.waitFor();
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Rows of the controlling terminal from {@code stty size}, else the default. */
  private static int sttyHeight() {
    try {
      Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String answer = new String(stty.getInputStream().readAllBytes(), Charset.defaultCharset());
      if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        return Integer.parseInt(answer.strip().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      // no stty (or no answer): the default height
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_HEIGHT;
  }
}
