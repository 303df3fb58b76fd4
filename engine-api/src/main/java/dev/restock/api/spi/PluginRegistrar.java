package dev.restock.api.spi;

import dev.restock.api.stability.Experimental;
import dev.restock.api.stability.Stable;

/**
 * What a plugin may contribute. Handed to {@link EnginePlugin#register} once, during engine
 * start-up, on the building thread; do not keep it.
 *
 * <p>Plugins call it; only the engine implements it. Every method is abstract, so an engine that
 * cannot take a kind of contribution fails to compile instead of refusing a plugin at start-up.
 * Later versions add contributions as new methods: plugins, which only call the registrar, keep
 * compiling.
 */
@Stable(since = "0.1")
public interface PluginRegistrar {

  /**
   * Adds a pick-list strategy.
   *
   * @throws IllegalStateException at start-up if another strategy already has the same id
   */
  PluginRegistrar pickListStrategy(PickListStrategy strategy);

  /**
   * Adds a visit policy.
   *
   * @throws IllegalStateException at start-up if another policy already has the same id
   */
  PluginRegistrar visitPolicy(VisitPolicy policy);

  /**
   * Adds an audit sink that receives every domain audit event after its unit of work commits, and
   * is opened and closed with the engine. Marked experimental, unlike the rest of this interface,
   * because {@link AuditSink} is: its batching and ordering promises may still grow.
   *
   * @throws IllegalStateException at start-up if another sink already has the same id
   */
  @Experimental(since = "0.1")
  PluginRegistrar auditSink(AuditSink sink);

  /**
   * Adds a parser of machine-read files (DEX/EVA-DTS and the like).
   * @throws IllegalStateException at start-up if another parser already has the same id
   */
  @Experimental(since = "0.2")
  PluginRegistrar readParser(ReadParser parser);

  /**
   * This plugin's settings: builder properties and environment variables in its own namespace
   * (its id), read-only. See {@link PluginSettings} for the names and the precedence.
   */
  @Experimental(since = "0.2")
  PluginSettings settings();
}
