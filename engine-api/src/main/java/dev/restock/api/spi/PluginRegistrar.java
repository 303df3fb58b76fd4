package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
import dev.restock.api.audit.port.out.AuditSink;

/**
 * What a plugin may contribute. Handed to {@link EnginePlugin#register} once, during engine
 * start-up, on the building thread; do not keep it. Later versions add contributions as default
 * methods so existing plugins keep compiling.
 */
@Stable
public interface PluginRegistrar {

  /**
   * Adds a pick-list strategy.
   *
   * @throws IllegalStateException at start-up if another strategy already has the same id
   */
  PluginRegistrar pickListStrategy(PickListStrategy strategy);

  /**
   * Adds a visit policy.
   *
   * @throws IllegalStateException at start-up if another policy already has the same id
   */
  default PluginRegistrar visitPolicy(VisitPolicy policy) {
    throw new UnsupportedOperationException("this engine does not accept visit policies");
  }

  /**
   * Adds an audit sink that receives every domain audit event after its unit of work commits.
   *
   * @throws IllegalStateException at start-up if another sink already has the same id
   */
  default PluginRegistrar auditSink(AuditSink sink) {
    throw new UnsupportedOperationException("this engine does not accept audit sinks");
  }
}
