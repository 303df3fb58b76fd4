package dev.restock.api.spi;

import dev.restock.api.stability.Stable;
/**
 * A plugin's entry point. Register instances explicitly with the engine builder, or let the
 * builder discover them through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.restock.api.spi.EnginePlugin}; it then needs a public no-argument
 * constructor).
 *
 * <p>Contract: {@link #id()} is unique among the engine's plugins (a duplicate fails start-up).
 * {@link #register} is called once, on the building thread, before any use case runs; it MUST
 * only contribute through the registrar and MUST NOT do I/O.
 */
@Stable(since = "0.1")
public interface EnginePlugin {

  String id();

  void register(PluginRegistrar registrar);
}
