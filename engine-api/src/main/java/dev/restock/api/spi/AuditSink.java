package dev.restock.api.spi;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.stability.Experimental;

/**
 * A plugin's receiver of domain audit events, e.g. a log, a JSON lines file or a message queue:
 * it gets every event after the unit of work that caused it commits, never for a rolled-back
 * change. Contributed through {@link PluginRegistrar#auditSink}.
 *
 * <p>It is an SPI, not a store port: the store records events itself, in the unit of work of the
 * change ({@link dev.restock.api.audit.port.out.AuditLog}), and is not an audit sink. Experimental:
 * its batching and ordering promises may still grow, and methods with a correct default may be
 * added.
 *
 * <h2>Lifecycle</h2>
 * One engine drives one sink (do not register an instance with two engines):
 * <ol>
 *   <li>{@link #open()} once, while the engine is built, after its store opened and before any
 *       event. A sink that throws fails the build: the sinks opened before it are closed, and so
 *       is the store.
 *   <li>{@link #accept} once per committed event, then {@link #flush()} once after the events of
 *       each committed unit of work (a batch).
 *   <li>{@link #close()} once, when the engine closes, sinks in the reverse order of opening. No
 *       call follows it.
 * </ol>
 *
 * <h2>Delivery</h2>
 * <ul>
 *   <li>Only committed events, each with the revision it was committed under ({@link
 *       AuditEvent#revision()} is never 0 here), on the thread that committed, after the commit.
 *   <li>The events of one unit of work (one use case call, or every call of a unit composed with
 *       {@code Restock.inUnitOfWork}) arrive together, in the order they were recorded, followed
 *       by one {@link #flush()}. Units committed one after the other on one thread arrive in that
 *       order.
 *   <li>Across threads nothing is ordered: units committed concurrently may arrive in any order,
 *       and their batches may interleave event by event. Order by {@link AuditEvent#revision()}
 *       when the order of commits matters.
 *   <li>At most once: an event a sink failed on is not offered again. The store's audit log keeps
 *       every event, so a sink can be caught up from it.
 * </ul>
 *
 * <h2>Failures and threading</h2>
 * {@link #accept} and {@link #flush()} are called from many threads at once and must be
 * thread-safe; they should return quickly, since they run on the committing thread. An exception
 * they throw never affects the audited change, which is already committed, nor the other sinks:
 * the engine logs it and counts it in {@code Restock.auditSinkFailures()}. A failing {@link
 * #close()} is logged and the other sinks are still closed.
 */
@Experimental(since = "0.1")
public interface AuditSink {

  /** Unique id of the sink among the engine's sinks, e.g. {@code audit-log}; never null. */
  String id();

  /**
   * Acquires what the sink writes to (a file, a connection). Called once, at engine build, before
   * any other call but {@link #id()}. The default does nothing.
   *
   * @throws RuntimeException when the sink cannot work; the engine fails to build with a message
   *     naming the sink
   */
  default void open() {}

  /**
   * Receives one committed event; never null. Thread-safe. A sink that buffers makes the event
   * durable by the next {@link #flush()} at the latest.
   */
  void accept(AuditEvent event);

  /**
   * Called after the events of each committed unit of work were accepted: a buffering sink writes
   * them through here. Thread-safe. The default does nothing.
   */
  default void flush() {}

  /**
   * Releases what {@link #open()} acquired, after a last flush of anything buffered. Called once,
   * when the engine closes; no call follows. The default does nothing.
   */
  default void close() {}
}
