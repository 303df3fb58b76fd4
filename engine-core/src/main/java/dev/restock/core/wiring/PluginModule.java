package dev.restock.core.wiring;

import com.google.inject.AbstractModule;

/**
 * Installs what one plugin registered: its contributions become multibindings. The plugin's
 * {@code register} ran before the injector was created (see {@link BinderRegistrar}).
 */
final class PluginModule extends AbstractModule {
  private final String pluginId;
  private final BinderRegistrar registered;

  PluginModule(String pluginId, BinderRegistrar registered) {
    this.pluginId = pluginId;
    this.registered = registered;
  }

  @Override
  protected void configure() {
    registered.bind(binder().withSource(pluginId));
  }
}
