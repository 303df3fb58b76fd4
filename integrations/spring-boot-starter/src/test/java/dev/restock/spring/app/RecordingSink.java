package dev.restock.spring.app;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** An engine plugin as a bean of the host: an audit sink that keeps what it is told. */
@Component
public class RecordingSink implements EnginePlugin, AuditSink {
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public String id() {
    return "recording";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.auditSink(this);
  }

  @Override
  public void accept(AuditEvent event) {
    events.add(event);
  }

  public List<AuditEvent> events() {
    return events;
  }
}
