package dev.restock.api.spi;

/**
 * What a plugin may contribute. Handed to {@link EnginePlugin#register} once, during engine
 * start-up, on the building thread; do not keep it. Later versions add contributions as default
 * methods so existing plugins keep compiling.
 */
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
}
