package com.example.restock.wholecases;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;

/**
 * Registers {@link WholeCases} and {@link MachineWholeCases}; found by ServiceLoader through
 * META-INF/services.
 */
public final class WholeCasesPlugin implements EnginePlugin {
  @Override
  public String id() {
    return "example-whole-cases";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    registrar.pickListStrategy(new WholeCases());
    registrar.pickListStrategy(new MachineWholeCases());
  }
}
