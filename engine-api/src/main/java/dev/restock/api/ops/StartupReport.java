package dev.restock.api.ops;

import dev.restock.api.stability.Experimental;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long opening the engine took, phase by phase, in the order the phases ran: for finding out
 * where a slow start goes, and for tests that check a phase was skipped (never for asserting a
 * speed). A phase that did not run is absent, not zero.
 *
 * <p>The names are the reporter's: the JPA store reports {@code pool open}, {@code integrity
 * check}, {@code flyway}, {@code hibernate metadata}, {@code session factory} and, when it ran,
 * {@code schema validation}; the engine reports the store's phases, then {@code store open,
 * other} (opening the store beyond the phases it reports), {@code audit sinks open},
 * {@code plugins} (discovering and registering them) and {@code guice injector} (assembling the
 * engine, the store's and the sinks' opening excluded), so that {@link #total()} is the time the
 * engine's builder took. A store or an engine that does not measure reports {@link #NONE}.
 *
 * @param phases the phases in the order they ran; a name may appear once only
 */
@Experimental(since = "0.2")
public record StartupReport(List<Phase> phases) {
  /** The report of something that does not measure its start. */
  public static final StartupReport NONE = new StartupReport(List.of());

  /**
   * @throws IllegalArgumentException when a phase name appears twice
   */
  public StartupReport {
    phases = List.copyOf(phases);
    for (int i = 0; i < phases.size(); i++) {
      for (int j = i + 1; j < phases.size(); j++) {
        if (phases.get(i).name().equals(phases.get(j).name())) {
          throw new IllegalArgumentException("the phase '" + phases.get(i).name()
              + "' appears twice in a start-up report");
        }
      }
    }
  }

  /**
   * One phase of the start.
   *
   * @param name what ran, e.g. {@code flyway}; not blank
   * @param duration how long it took by the wall clock; not negative
   */
  public record Phase(String name, Duration duration) {
    /** @throws IllegalArgumentException for a blank name or a negative duration */
    public Phase {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(duration, "duration");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a start-up phase needs a name");
      }
      if (duration.isNegative()) {
        throw new IllegalArgumentException("the phase '" + name + "' has a negative duration "
            + duration);
      }
    }
  }

  /** The phases' durations added up. */
  public Duration total() {
    return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** How long the phase {@code name} took, or empty when it did not run. */
  public Optional<Duration> duration(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).map(Phase::duration).findFirst();
  }

  /** Whether the phase {@code name} ran. */
  public boolean ran(String name) {
    return duration(name).isPresent();
  }

  /** This report followed by the phase {@code name}. */
  public StartupReport then(String name, Duration duration) {
    List<Phase> all = new ArrayList<>(phases);
    all.add(new Phase(name, duration));
    return new StartupReport(all);
  }

  /** This report followed by every phase of {@code later}. */
  public StartupReport then(StartupReport later) {
    List<Phase> all = new ArrayList<>(phases);
    all.addAll(later.phases());
    return new StartupReport(all);
  }

  /** One line per phase, {@code "flyway  42 ms"}, then the total. */
  @Override
  public String toString() {
    int width = phases.stream().mapToInt(p -> p.name().length()).max().orElse(0);
    StringBuilder text = new StringBuilder();
    for (Phase p : phases) {
      text.append(String.format(java.util.Locale.ROOT, "%-" + Math.max(width, 5) + "s %6d ms%n",
          p.name(), p.duration().toMillis()));
    }
    text.append(String.format(java.util.Locale.ROOT, "%-" + Math.max(width, 5) + "s %6d ms",
        "total", total().toMillis()));
    return text.toString();
  }
}
