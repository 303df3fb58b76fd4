package com.example.restock.busy;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginRegistrar;
import dev.restock.api.spi.PluginSettings;

/** Registers {@link BusyCabinets}, configured through the engine's plugin settings. */
public final class BusyCabinetsPlugin implements EnginePlugin {

  @Override
  public String id() {
    return "busy-cabinets";
  }

  @Override
  public void register(PluginRegistrar registrar) {
    PluginSettings settings = registrar.settings();
    int windowDays = settings.getInt("window-days", 14);
    if (windowDays < 1 || windowDays > 366) {
      throw settings.invalid("window-days", "must be 1..366");
    }
    int minUnitsSold = settings.getInt("min-units-sold", 20);
    if (minUnitsSold < 1) {
      throw settings.invalid("min-units-sold", "must be at least 1");
    }
    registrar.visitPolicy(new BusyCabinets(windowDays, minUnitsSold));
  }
}
