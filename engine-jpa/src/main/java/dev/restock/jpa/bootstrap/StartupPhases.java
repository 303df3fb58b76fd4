package dev.restock.jpa.bootstrap;

import dev.restock.api.stability.Internal;
import dev.restock.api.ops.StartupReport;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the phases of a store's opening into a {@link StartupReport}, and logs each one at DEBUG
 * on {@code dev.restock.jpa.startup} as it ends. Used by one opening thread; not thread-safe.
 */
@Internal(since = "0.2")
public final class StartupPhases {
  /** Opening the connection pools and checking the settings of their connections. */
  public static final String POOL_OPEN = "pool open";
  /** The database's own integrity check ({@code pragma quick_check} on SQLite). */
  public static final String INTEGRITY_CHECK = "integrity check";
  /** Flyway: moving an old history over, reading the history, validating, migrating. */
  public static final String FLYWAY = "flyway";
  /** Hibernate reading the mapping of every entity. */
  public static final String HIBERNATE_METADATA = "hibernate metadata";
  /** Hibernate building the session factory, Envers' audit mapping included. */
  public static final String SESSION_FACTORY = "session factory";
  /** Hibernate comparing the mapping with the database's tables and columns. */
  public static final String SCHEMA_VALIDATION = "schema validation";

  private static final Logger LOG = LoggerFactory.getLogger("dev.restock.jpa.startup");

  private StartupReport report = StartupReport.NONE;

  /** Runs {@code work} as the phase {@code name}; a phase that fails is not recorded. */
  public <T> T time(String name, Supplier<T> work) {
    long started = System.nanoTime();
    T result = work.get();
    record(name, started);
    return result;
  }

  /** Runs {@code work} as the phase {@code name}; a phase that fails is not recorded. */
  public void run(String name, Runnable work) {
    long started = System.nanoTime();
    work.run();
    record(name, started);
  }

  /** Records the phase {@code name} as having run from {@code started} ({@link System#nanoTime}) until now. */
  public void since(String name, long started) {
    record(name, started);
  }

  private void record(String name, long started) {
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    report = report.then(name, took);
    LOG.debug("start-up phase '{}' took {} ms", name, took.toMillis());
  }

  /** The phases recorded so far. */
  public StartupReport report() {
    return report;
  }
}
