package dev.restock.core.wiring;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;

/** Listed in META-INF/services for the discovery test. */
public class DiscoveredPlugin implements EnginePlugin {
  static final String STRATEGY_ID = "discovered-fill";

  @Override
  public String id() {
    return "discovered";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.pickListStrategy(RestockEngineBuilderTest.strategy(STRATEGY_ID));
  }
}
