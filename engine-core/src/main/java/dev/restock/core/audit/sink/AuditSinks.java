package dev.restock.core.audit.sink;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.core.plugin.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit sinks plugins contributed, driven through their lifecycle: opened once, in
 * registration order; fed each committed batch (accept per event, then flush); closed once, in
 * reverse order. A sink that throws while fed is counted and logged, and neither the other sinks
 * nor the committed change are affected.
 */
public final class AuditSinks {
  private static final Logger LOG = LoggerFactory.getLogger(AuditSinks.class);

  private final List<AuditSink> sinks;
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  // publishers share it, close takes it alone: no sink is called once close began
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final List<AuditSink> opened = new ArrayList<>();
  private boolean closed;

  public AuditSinks(Registry<AuditSink> registry) {
    this.sinks = registry.ids().stream().map(registry::require).toList();
    sinks.forEach(s -> failures.put(s.id(), new AtomicLong()));
  }

  public boolean isEmpty() {
    return sinks.isEmpty();
  }

  /**
   * Opens every sink in order. When one fails, those opened before it are closed and the failure
   * is thrown, naming the sink.
   *
   * @throws IllegalStateException naming the sink that could not open, with its failure as cause
   */
  public void open() {
    lifecycle.writeLock().lock();
    try {
      for (AuditSink sink : sinks) {
        try {
          sink.open();
        } catch (RuntimeException | LinkageError e) {
          closeOpened();
          closed = true;
          throw new IllegalStateException("audit sink '" + sink.id() + "' ("
              + sink.getClass().getName() + ") failed to open: " + e.getMessage()
              + "; the engine was not built", e);
        }
        opened.add(sink);
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  /**
   * Hands one committed unit's events, in order, to every open sink, then flushes it; never
   * throws. Does nothing once {@link #close()} began.
   */
  public void publish(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    lifecycle.readLock().lock();
    try {
      if (closed) {
        LOG.warn("{} audit event(s) committed after the engine closed its audit sinks were not "
            + "published; they are in the store's audit log", events.size());
        return;
      }
      for (AuditSink sink : opened) {
        feed(sink, events);
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void feed(AuditSink sink, List<AuditEvent> events) {
    for (AuditEvent event : events) {
      try {
        sink.accept(event);
      } catch (RuntimeException | LinkageError e) {
        failed(sink, "on " + event.action() + " of " + event.resourceId() + " (revision "
            + event.revision() + ")", e);
      }
    }
    try {
      sink.flush();
    } catch (RuntimeException | LinkageError e) {
      failed(sink, "flushing " + events.size() + " event(s) of revision "
          + events.get(0).revision(), e);
    }
  }

  private void failed(AuditSink sink, String what, Throwable e) {
    long n = failures.get(sink.id()).incrementAndGet();
    LOG.error("audit sink '{}' failed {} (failure {}): {}; the change itself is committed",
        sink.id(), what, n, e.toString());
    LOG.debug("audit sink '{}' failure", sink.id(), e);
  }

  /**
   * Closes every open sink in the reverse order of opening, once, after the publications under
   * way; a sink that fails to close is logged and the others are still closed.
   */
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        closeOpened();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void closeOpened() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      AuditSink sink = opened.get(i);
      try {
        sink.close();
      } catch (RuntimeException | LinkageError e) {
        LOG.error("audit sink '{}' failed to close: {}", sink.id(), e.toString());
        LOG.debug("audit sink '{}' close failure", sink.id(), e);
      }
    }
    opened.clear();
  }

  /** Failures per sink id since the engine started. */
  public Map<String, Long> failures() {
    Map<String, Long> out = new LinkedHashMap<>();
    sinks.forEach(s -> out.put(s.id(), failures.get(s.id()).get()));
    return out;
  }
}
