package dev.restock.plugin.auditlog;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every committed domain audit event as one INFO line on the logger {@code restock.audit}
 * (plugin and sink id {@code audit-log}). Register it explicitly:
 * {@code RestockEngine.builder().plugin(new LogAuditSinkPlugin())}.
 */
public final class LogAuditSinkPlugin implements EnginePlugin, AuditSink {
  /** The logger name hosts route to their audit appender. */
  public static final String LOGGER = "restock.audit";

  private final Logger log;

  public LogAuditSinkPlugin() {
    this(LoggerFactory.getLogger(LOGGER));
  }

  /** With a logger of the host's choosing. */
  public LogAuditSinkPlugin(Logger log) {
    this.log = log;
  }

  @Override
  public String id() {
    return "audit-log";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.auditSink(this);
  }

  @Override
  public void accept(AuditEvent event) {
    log.info("audit action={} resource={}:{} actor={} at={} revision={} correlation={} "
            + "client={} details={}", event.action(), event.resourceType(), event.resourceId(),
        event.actorId(), event.at(), event.revision(), event.correlationId(),
        event.clientAddress(), event.details());
  }
}
