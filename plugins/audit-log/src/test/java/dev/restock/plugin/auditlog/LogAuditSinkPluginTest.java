package dev.restock.plugin.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restock.api.audit.AuditEvent;
import dev.restock.api.spi.AuditSink;
import dev.restock.api.spi.PickListStrategy;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.VisitPolicy;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogAuditSinkPluginTest {

  @Test
  void registersItselfAndLogsOneLinePerEvent() {
    List<String> lines = new ArrayList<>();
    Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
        new Class<?>[] {Logger.class}, (proxy, method, args) -> {
          if (method.getName().equals("info") && args != null && args.length == 2
              && args[1] instanceof Object[] values) {
            lines.add(org.slf4j.helpers.MessageFormatter.arrayFormat((String) args[0], values)
                .getMessage());
          }
          return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
    LogAuditSinkPlugin plugin = new LogAuditSinkPlugin(logger);
    List<AuditSink> registered = new ArrayList<>();
    plugin.register(new PluginRegistrar() {
      @Override public PluginRegistrar pickListStrategy(PickListStrategy strategy) { return this; }
      @Override public PluginRegistrar visitPolicy(VisitPolicy policy) { return this; }
      @Override public PluginRegistrar readParser(dev.restock.api.spi.ReadParser parser) {
        return this;
      }
      @Override public PluginRegistrar auditSink(AuditSink sink) {
        registered.add(sink);
        return this;
      }
      @Override public dev.restock.api.spi.PluginSettings settings() {
        throw new AssertionError("the log sink reads no settings");
      }
    });
    UUID product = UUID.randomUUID();

    registered.get(0).accept(new AuditEvent(7, Instant.parse("2026-11-27T10:00:00Z"),
        UUID.randomUUID(), "product.delete", "product", product, Map.of("reason", "gone"),
        null, null, "req-1"));

    assertThat(registered).containsExactly(plugin);
    assertThat(plugin.id()).isEqualTo("audit-log");
    assertThat(lines).singleElement().asString()
        .contains("action=product.delete", "resource=product:" + product, "revision=7",
            "correlation=req-1", "reason=gone");
  }
}
