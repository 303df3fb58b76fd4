package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * A plugin's entry point. Register instances explicitly with the engine builder, or let the
 * builder discover them through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.restock.api.spi.EnginePlugin}; it then needs a public no-argument
 * constructor).
 *
 * <p>Contract: {@link #id()} is unique among the engine's plugins and lower-case words of {@code
 * a-z} and {@code 0-9} joined by single hyphens ({@code [a-z0-9]+(-[a-z0-9]+)*}, the format of
 * strategy and policy ids too); the id is also the namespace of the plugin's settings ({@link
 * PluginRegistrar#settings()}). A duplicate id or one outside the format fails start-up with an
 * error naming each plugin's class and source. A plugin registered explicitly and also found by
 * discovery (same class) is installed once, as the explicit instance with the host's settings.
 * {@link #register} is called once, on the building thread, before any use case runs; it MUST
 * only contribute through the registrar and MUST NOT do I/O.
 */
@Stable(since = "0.1")
public interface EnginePlugin {

  /** The plugin's unique id, e.g. {@code picklist-standard}. */
  String id();

  /** Contributes the plugin's strategies, policies and sinks; reads its settings if it has any. */
  void register(PluginRegistrar registrar);
}
