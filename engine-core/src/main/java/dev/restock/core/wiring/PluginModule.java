package dev.restock.core.wiring;

import com.google.inject.AbstractModule;
import dev.restock.api.spi.EnginePlugin;

/** Installs one plugin by letting it register through the binder facade. */
final class PluginModule extends AbstractModule {
  private final EnginePlugin plugin;

  PluginModule(EnginePlugin plugin) {
    this.plugin = plugin;
  }

  @Override
  protected void configure() {
    plugin.register(new BinderRegistrar(binder().withSource(plugin.id())));
  }
}
