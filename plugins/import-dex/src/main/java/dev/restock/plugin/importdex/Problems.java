package dev.restock.plugin.importdex;

import dev.restock.api.error.ValidationException;
import dev.restock.api.error.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of one file, each at {@code <file name>:<line>}. A parser keeps reading after a
 * problem so that one exception names them all; a file of binary garbage could name thousands,
 * so past {@link #LIMIT} the rest are counted in one last violation instead.
 */
final class Problems {
  static final int LIMIT = 200;

  private record Problem(int line, int order, String message) {}

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void at(int line, String message) {
    problems.add(new Problem(line, problems.size(), message));
  }

  boolean any() {
    return !problems.isEmpty();
  }

  int count() {
    return problems.size();
  }

  /** Throws, in line order, every problem found, if there is any. */
  void throwIfAny() {
    if (problems.isEmpty()) {
      return;
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::order));
    List<Violation> violations = new ArrayList<>();
    for (Problem p : sorted.subList(0, Math.min(LIMIT, sorted.size()))) {
      violations.add(new Violation(file + ":" + p.line(), p.message()));
    }
    if (sorted.size() > LIMIT) {
      violations.add(new Violation(file, (sorted.size() - LIMIT)
          + " more problems after line " + sorted.get(LIMIT - 1).line() + " not listed"));
    }
    throw new ValidationException(violations);
  }
}
