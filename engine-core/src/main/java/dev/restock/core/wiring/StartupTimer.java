package dev.restock.core.wiring;

import dev.restock.api.ops.StartupReport;
import java.time.Duration;

/**
 * Times one {@link RestockEngine.Builder#build()}: the store's own phases, what opening the store
 * took beyond them, opening the audit sinks, and the rest (plugins and the injector). Written by
 * the building thread; read by any thread once the build is done.
 */
final class StartupTimer {
  /** ServiceLoader discovery and each plugin's {@code register}. */
  static final String PLUGINS = "plugins";
  /** Opening the store beyond the phases the store reports itself (all of it for a store that reports none). */
  static final String STORE_OTHER = "store open, other";
  /** Opening the audit sinks. */
  static final String SINKS = "audit sinks open";
  /** Creating the injector and the engine, the store's and the sinks' opening excluded. */
  static final String INJECTOR = "guice injector";

  private final long started = System.nanoTime();
  private long pluginsDone;
  private long storeNanos;
  private long sinksNanos;
  private StartupReport store = StartupReport.NONE;
  private volatile StartupReport report = StartupReport.NONE;

  void pluginsRegistered() {
    pluginsDone = System.nanoTime();
  }

  void storeOpened(StartupReport storePhases, long nanos) {
    this.store = storePhases;
    this.storeNanos = nanos;
  }

  void sinksOpened(long nanos) {
    this.sinksNanos = nanos;
  }

  /** Ends the timing: everything since the plugins not spent opening the store and sinks is the injector's. */
  void built() {
    long injector = System.nanoTime() - pluginsDone - storeNanos - sinksNanos;
    long storeOther = Math.max(0, storeNanos - store.total().toNanos());
    report = store
        .then(STORE_OTHER, Duration.ofNanos(storeOther))
        .then(SINKS, Duration.ofNanos(sinksNanos))
        .then(PLUGINS, Duration.ofNanos(pluginsDone - started))
        .then(INJECTOR, Duration.ofNanos(Math.max(0, injector)));
  }

  /** The report once built; {@link StartupReport#NONE} before. */
  StartupReport report() {
    return report;
  }
}
