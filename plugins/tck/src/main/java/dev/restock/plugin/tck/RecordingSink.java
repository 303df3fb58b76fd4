package dev.restock.plugin.tck;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An audit sink outside the store that records what it is given, and the plugin that adds it. */
final class RecordingSink implements AuditSink {
  final List<AuditEvent> events = Collections.synchronizedList(new ArrayList<>());
  private final String pluginId;

  RecordingSink(String pluginId) {
    this.pluginId = pluginId;
  }

  @Override public String id() {
    return "recording";
  }

  @Override public void accept(AuditEvent event) {
    events.add(event);
  }

  EnginePlugin plugin() {
    return new EnginePlugin() {
      @Override public String id() {
        return pluginId;
      }

      @Override public void register(PluginRegistrar registrar) {
        registrar.auditSink(RecordingSink.this);
      }
    };
  }
}
