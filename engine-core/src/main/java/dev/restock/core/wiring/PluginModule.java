package dev.restock.core.wiring;

import com.google.inject.AbstractModule;
import dev.restock.api.spi.EnginePlugin;
import dev.restock.api.spi.PluginSettings;
import dev.restock.core.plugin.Contributions;

/** Installs one plugin by letting it register through the binder facade. */
final class PluginModule extends AbstractModule {
  private final EnginePlugin plugin;
  private final String origin;
  private final Contributions contributions;
  private final PluginSettings settings;

  /** @param origin where the plugin came from, e.g. {@code explicit plugin #1 (com.x.A)} */
  PluginModule(EnginePlugin plugin, String origin, Contributions contributions,
      PluginSettings settings) {
    this.plugin = plugin;
    this.origin = origin;
    this.contributions = contributions;
    this.settings = settings;
  }

  @Override
  protected void configure() {
    plugin.register(new BinderRegistrar(binder().withSource(plugin.id()), contributions,
        "by plugin '" + plugin.id() + "' (" + origin + ")", settings));
  }
}
