package dev.restock.web.console;

import dev.restock.api.spi.EnginePlugin;
import dev.restock.plugin.picklist.StandardPickListsPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the standard pick-list strategies ({@code fill-to-capacity}, {@code days-of-cover})
 * and the {@code threshold} visit policy with the engine, so that the route board and the order
 * form offer more than the built-in {@code fill-to-par}. The web host has the plugin on its
 * class path, but the starter registers only {@link EnginePlugin} beans unless
 * {@code restock.discover-plugins=true}; with that property set this bean steps aside, so the
 * plugin is never registered twice. Its settings are {@code restock.plugins.picklist-standard.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "restock.discover-plugins", havingValue = "false",
    matchIfMissing = true)
public class OpsPickListPlugins {

  /** The standard pick lists plugin, configured by its settings. */
  @Bean
  @ConditionalOnMissingBean(StandardPickListsPlugin.class)
  public StandardPickListsPlugin standardPickLists() {
    return new StandardPickListsPlugin();
  }
}
