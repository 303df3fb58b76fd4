package dev.restock.core.audit.sink;

import dev.restock.core.plugin.Registry;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.audit.port.out.AuditSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit sinks plugins contributed. Each committed event is handed to every sink in turn; a
 * sink that throws is counted and logged, and neither the other sinks nor the committed change
 * are affected.
 */
public final class AuditSinks {
  private static final Logger LOG = LoggerFactory.getLogger(AuditSinks.class);

  private final List<AuditSink> sinks;
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

  public AuditSinks(Registry<AuditSink> registry) {
    this.sinks = registry.ids().stream().map(registry::require).toList();
    sinks.forEach(s -> failures.put(s.id(), new AtomicLong()));
  }

  public boolean isEmpty() {
    return sinks.isEmpty();
  }

  /** Hands committed events to every sink; never throws. */
  public void publish(List<AuditEvent> events) {
    for (AuditSink sink : sinks) {
      for (AuditEvent event : events) {
        try {
          sink.accept(event);
        } catch (RuntimeException | LinkageError e) {
          long n = failures.get(sink.id()).incrementAndGet();
          LOG.error("audit sink '{}' failed on {} of {} (failure {}): {}; the change itself is "
              + "committed", sink.id(), event.action(), event.resourceId(), n, e.toString());
          LOG.debug("audit sink '{}' failure", sink.id(), e);
        }
      }
    }
  }

  /** Failures per sink id since the engine started. */
  public Map<String, Long> failures() {
    Map<String, Long> out = new LinkedHashMap<>();
    sinks.forEach(s -> out.put(s.id(), failures.get(s.id()).get()));
    return out;
  }
}
