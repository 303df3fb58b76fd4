package dev.restock.core.wiring;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;

/** Listed in META-INF/services for the discovery test. */
public class DiscoveredPlugin implements EnginePlugin {
  static final String STRATEGY_ID = "discovered-fill";
  private final String strategyId;

  /** As the ServiceLoader makes it. */
  public DiscoveredPlugin() {
    this(STRATEGY_ID);
  }

  /** As a host registers it explicitly, with its own setting. */
  DiscoveredPlugin(String strategyId) {
    this.strategyId = strategyId;
  }

  @Override
  public String id() {
    return "discovered";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.pickListStrategy(RestockEngineBuilderTest.strategy(strategyId));
  }
}
