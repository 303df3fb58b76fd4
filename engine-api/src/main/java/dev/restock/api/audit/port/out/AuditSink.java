package dev.restock.api.audit.port.out;

import dev.restock.api.stability.Experimental;
import dev.restock.api.audit.AuditEvent;

/**
 * Receives domain audit events. The store's own sink writes them in the unit of work of the
 * change; sinks contributed by plugins (log, JSON lines, ...) receive them only after that unit
 * of work commits, never for a rolled-back change.
 *
 * <p>Contract for plugin sinks: {@link #accept} MUST be thread-safe and SHOULD return quickly.
 * An exception it throws never affects the change that was audited: the engine counts it, logs
 * it and carries on.
 */
@Experimental(since = "0.1")
public interface AuditSink {

  /** Unique id of the sink, e.g. {@code audit-log}. */
  String id();

  /** Receives one committed event. */
  void accept(AuditEvent event);
}
